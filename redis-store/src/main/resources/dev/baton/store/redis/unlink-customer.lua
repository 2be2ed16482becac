-- ARGV: the prefix of member keys, the prefix of customer keys (one hash slot: see RedisKeys), member.
-- Takes the member out of its customer, dissolving a customer left with fewer than two members. Returns 1 when the
-- member was linked, else 0.
local memberPrefix, customerPrefix, member = ARGV[1], ARGV[2], ARGV[3]
local customer = redis.call('GET', memberPrefix .. member)
if not customer then return 0 end
redis.call('DEL', memberPrefix .. member)
local customerKey = customerPrefix .. customer
redis.call('SREM', customerKey, member)
local left = redis.call('SMEMBERS', customerKey)
if #left < 2 then
  for _, m in ipairs(left) do
    redis.call('DEL', memberPrefix .. m)
  end
  redis.call('DEL', customerKey)
end
return 1
