-- KEYS: connections, nodes, last-seen, away. ARGV: who.
-- Forgets who on every node: their entries, when they were last seen and whether they are away.
local suffix = '/' .. ARGV[1]
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if string.sub(member, -#suffix) == suffix then redis.call('ZREM', KEYS[1], member) end
end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
return 1
