-- KEYS: connections, nodes, last-seen. ARGV: how long last-seen times are kept (ms), then whos.
-- For each who, "online", or when last seen (ms), or "" when never seen. Costs a lookup per live node and who,
-- not a read of everyone connected.
local nodes = redis.call('ZRANGEBYSCORE', KEYS[2], now, '+inf')
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. string.format('%d', now - tonumber(ARGV[1])))
local result = {}
for i = 2, #ARGV do
  local seen = nil
  for _, node in ipairs(nodes) do
    local deadline = redis.call('ZSCORE', KEYS[1], node .. '/' .. ARGV[i])
    if deadline and tonumber(deadline) >= now then seen = 'online' break end
  end
  result[i - 1] = seen or redis.call('ZSCORE', KEYS[3], ARGV[i]) or ''
end
return result
