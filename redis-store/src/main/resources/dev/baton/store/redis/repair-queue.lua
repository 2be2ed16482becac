-- KEYS: queue, queue tickets, then the conversations to check. ARGV: their ids, in the same order.
-- For each, atomically: a queued id whose conversation is gone or not waiting leaves the queue, a waiting
-- conversation in no queue joins it at the back. Returns a 'fault id' line per repair ('gone', 'not-waiting',
-- 'not-queued'). Decodes a conversation's JSON only when it mentions the waiting state.
local repaired = {}
for i, id in ipairs(ARGV) do
  local data = redis.call('HGET', KEYS[i + 2], 'data')
  local queued = redis.call('ZSCORE', KEYS[1], id)
  local waiting = data and string.find(data, 'WAITING_FOR_AGENT', 1, true)
      and cjson.decode(data).state == 'WAITING_FOR_AGENT'
  if queued and not data then
    queue_move(KEYS[1], KEYS[2], 'leave', id)
    table.insert(repaired, 'gone ' .. id)
  elseif queued and not waiting then
    queue_move(KEYS[1], KEYS[2], 'leave', id)
    table.insert(repaired, 'not-waiting ' .. id)
  elseif waiting and not queued then
    queue_move(KEYS[1], KEYS[2], 'back', id)
    table.insert(repaired, 'not-queued ' .. id)
  end
end
return repaired
