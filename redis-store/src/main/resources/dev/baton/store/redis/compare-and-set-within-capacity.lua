-- The compare-and-set, refused when it gives the conversation to an agent who already has as many as they may.
-- ARGV after the compare-and-set's: the capacity. The new agent's index (KEYS[8]) holds the conversations they are
-- talking in, kept exact by the compare-and-set itself, so counting it here and writing are one step: no other
-- node's assignment can come between. Returns 'full' when refused, else as compare-and-set-only.lua.
-- A team's queue can be checked here too, since the queue key comes in as KEYS[9].
local version = redis.call('HGET', KEYS[1], 'version')
if version == ARGV[1] and ARGV[7] == '1' and redis.call('SISMEMBER', KEYS[8], ARGV[3]) == 0
    and redis.call('SCARD', KEYS[8]) >= tonumber(ARGV[9]) then
  return 'full'
end
return tostring(compare_and_set())
