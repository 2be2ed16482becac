-- ARGV: the prefix of member keys, the prefix of customer keys (one hash slot: see RedisKeys), member, other,
-- the id of a new customer, retention (ms).
-- Makes member and other one customer: other's, else member's, else the new one; a customer member had apart from
-- other's merges into it. Every member of the customer is then kept the retention again. Returns the customer's id.
-- The member keys are built here from their prefix, since which members to touch is read in this same step.
local memberPrefix, customerPrefix = ARGV[1], ARGV[2]
local member, other = ARGV[3], ARGV[4]
local ofMember = redis.call('GET', memberPrefix .. member)
local ofOther = redis.call('GET', memberPrefix .. other)
local customer = ofOther or ofMember or ARGV[5]
local customerKey = customerPrefix .. customer
if ofMember and ofMember ~= customer then
  local merged = customerPrefix .. ofMember
  for _, m in ipairs(redis.call('SMEMBERS', merged)) do
    redis.call('SADD', customerKey, m)
  end
  redis.call('DEL', merged)
end
redis.call('SADD', customerKey, member, other)
for _, m in ipairs(redis.call('SMEMBERS', customerKey)) do
  redis.call('SET', memberPrefix .. m, customer, 'PX', ARGV[6])
end
redis.call('PEXPIRE', customerKey, ARGV[6])
return customer
