-- KEYS: connections, nodes, last-seen. ARGV: grace (ms), node id, then whos.
-- Sets the node's and each of its whos' deadline to now + grace, and notes that they were seen now.
local deadline = string.format('%d', now + tonumber(ARGV[1]))
redis.call('ZADD', KEYS[2], deadline, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. string.format('%d', now))
for i = 3, #ARGV do
  redis.call('ZADD', KEYS[1], deadline, ARGV[2] .. '/' .. ARGV[i])
  redis.call('ZADD', KEYS[3], string.format('%d', now), ARGV[i])
end
return #ARGV - 2
