-- ARGV: the prefix of member keys, the prefix of customer keys (one hash slot: see RedisKeys), customer id.
-- Forgets the customer and every member's link to it. Returns how many members it had.
local memberPrefix, customerPrefix, customer = ARGV[1], ARGV[2], ARGV[3]
local customerKey = customerPrefix .. customer
local members = redis.call('SMEMBERS', customerKey)
for _, m in ipairs(members) do
  if redis.call('GET', memberPrefix .. m) == customer then
    redis.call('DEL', memberPrefix .. m)
  end
end
redis.call('DEL', customerKey)
return #members
