-- KEYS: intents. ARGV: version, files JSON, channel. Replaces the database and announces its version.
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'files', ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[1])
return 1
