-- KEYS: the conversation's ratings hash, the helpfulness hash.
-- ARGV: the answer's message id, 'up' or 'down', its intent, how long the conversation's ratings are kept (ms).
-- Keeps the rating and counts it towards the intent, unless the answer was rated before: returns 1 if kept, else 0.
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('HINCRBY', KEYS[2], ARGV[3] .. ':' .. ARGV[2], 1)
return 1
