-- KEYS: audit (list, newest first). ARGV: the entries to forget, oldest first, exactly as stored.
-- Pops each from the tail only while the tail is still that entry, so that two nodes forgetting the same entries at
-- once forget each of them once, and never an entry the caller did not read. Returns how many it popped.
local popped = 0
for _, expected in ipairs(ARGV) do
  if redis.call('LINDEX', KEYS[1], -1) ~= expected then
    break
  end
  redis.call('RPOP', KEYS[1])
  popped = popped + 1
end
return popped
