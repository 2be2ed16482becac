-- The append alone, to a conversation that exists; nil when it does not.
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
return earlier() or stale_id() or append()
