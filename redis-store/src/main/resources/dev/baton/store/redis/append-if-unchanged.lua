-- The append if the conversation's version is still ARGV[1], the one the caller checked the visitor's right to write
-- against; otherwise '!', the current version, a space, the last message id, a space and the conversation's JSON,
-- for the caller to check again. Nil when the conversation does not exist.
local version = redis.call('HGET', KEYS[1], 'version')
if not version then return false end
if version ~= ARGV[1] then
  return '!' .. version .. ' ' .. (redis.call('GET', KEYS[2]) or '0') .. ' ' .. redis.call('HGET', KEYS[1], 'data')
end
return earlier() or stale_id() or append()
