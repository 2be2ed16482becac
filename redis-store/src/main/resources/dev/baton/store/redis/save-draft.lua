-- KEYS: draft. ARGV: id, revision, draft JSON.
-- Saves the draft if it follows the stored one: revision 1 when none is stored, else the stored draft's next revision.
local id = redis.call('HGET', KEYS[1], 'id')
local revision = tonumber(ARGV[2])
if id then
  if id ~= ARGV[1] or tonumber(redis.call('HGET', KEYS[1], 'revision')) ~= revision - 1 then return 0 end
elseif revision ~= 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'revision', ARGV[2], 'draft', ARGV[3])
return 1
