-- KEYS: the list of left messages. ARGV: the message's JSON as read, its JSON changed.
-- Replaces the first element equal to what was read (a compare-and-set: the element is the whole document); 0 when
-- no element is, because another node changed or removed it since, or it expired.
local at = redis.call('LPOS', KEYS[1], ARGV[1])
if not at then return 0 end
redis.call('LSET', KEYS[1], at, ARGV[2])
return 1
