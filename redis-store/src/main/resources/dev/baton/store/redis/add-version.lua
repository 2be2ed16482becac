-- KEYS: versions (list), version files (hash). ARGV: version JSON, files JSON, '1' to add only a first version.
-- Version n is the list's n-th entry and the hash's field n; returns n, or 0 when a first version was asked for and
-- there is one.
if ARGV[3] == '1' and redis.call('LLEN', KEYS[1]) > 0 then return 0 end
local number = redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], tostring(number), ARGV[2])
return number
