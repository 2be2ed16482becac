-- KEYS: connections. Deletes lapsed members and returns the live ones.
now = string.format('%d', now)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. now)
return redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')
