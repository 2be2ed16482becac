-- KEYS: the inbox hash, the last-seen sorted set.
-- ARGV: every reason's name (space-separated), the wording's id, the latest message's JSON, when it came (ISO-8601),
-- when it came (ms), its reason, its conversation id, the retention's cutoff (ms), the most wordings kept, the most
-- conversations a wording keeps.
-- Counts the message towards its wording, then forgets the wordings last seen before the cutoff and, beyond the most
-- kept, the least recently seen.
local reasons = words(ARGV[1])
local id = ARGV[2]
redis.call('HSET', KEYS[1], id .. ':latest', ARGV[3])
redis.call('HSETNX', KEYS[1], id .. ':first', ARGV[4])
redis.call('HINCRBY', KEYS[1], id .. ':count', 1)
redis.call('HINCRBY', KEYS[1], id .. ':reason:' .. ARGV[6], 1)
local kept = { ARGV[7] }
for _, conversation in ipairs(words(redis.call('HGET', KEYS[1], id .. ':conversations') or '')) do
  if #kept >= tonumber(ARGV[10]) then break end
  if conversation ~= ARGV[7] then kept[#kept + 1] = conversation end
end
redis.call('HSET', KEYS[1], id .. ':conversations', table.concat(kept, ' '))
redis.call('ZADD', KEYS[2], ARGV[5], id)
for _, old in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[8])) do
  forget_wording(KEYS[1], KEYS[2], old, reasons)
end
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[9])
if excess > 0 then
  for _, old in ipairs(redis.call('ZRANGE', KEYS[2], 0, excess - 1)) do
    forget_wording(KEYS[1], KEYS[2], old, reasons)
  end
end
return 1
