-- KEYS: the conversation's satisfaction key, the satisfaction counts hash.
-- ARGV: the rating's JSON, how long it is kept (ms), the agent's username, the score.
-- Keeps the rating and counts it towards the agent, unless the conversation was rated before: returns 1 if kept, else 0.
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return 0
end
redis.call('HINCRBY', KEYS[2], ARGV[3] .. ':' .. ARGV[4], 1)
return 1
