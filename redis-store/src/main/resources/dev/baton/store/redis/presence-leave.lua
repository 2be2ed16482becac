-- KEYS: connections, nodes, last-seen. ARGV: node id, "1" if the node itself is leaving, then whos.
-- Removes the node's entries of the whos (and the node's own when it leaves), noting that they were last seen now.
if ARGV[2] == '1' then redis.call('ZREM', KEYS[2], ARGV[1]) end
for i = 3, #ARGV do
  redis.call('ZREM', KEYS[1], ARGV[1] .. '/' .. ARGV[i])
  redis.call('ZADD', KEYS[3], string.format('%d', now), ARGV[i])
end
return #ARGV - 2
