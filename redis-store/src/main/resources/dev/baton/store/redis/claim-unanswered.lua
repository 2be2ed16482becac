-- KEYS: the index of unanswered messages. ARGV: stored before (ms), limit, now (ms).
-- The oldest entries stored before then, each claimed by moving its score to now.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, entry in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[3], entry) end
return due
