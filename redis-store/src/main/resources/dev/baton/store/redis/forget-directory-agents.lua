-- KEYS: the directory agents (hash, username → JSON). ARGV: username, JSON as read, username, JSON as read, …
-- Forgets each agent only while it is still as read, so that one who signed in again meanwhile stays, and two nodes
-- forgetting at once forget each once. Returns how many it forgot.
local forgotten = 0
for i = 1, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
    redis.call('HDEL', KEYS[1], ARGV[i])
    forgotten = forgotten + 1
  end
end
return forgotten
