-- The bulk writer of the crash test: ROUNDS rounds; in each, every `self` image gets a new name
-- AND a new description in one ModifyImageAttribute (ecs.parallel within a round, rounds one
-- after another, so an image never has two changes in flight). Prints `ACK <ImageId> <round>`,
-- flushed, the moment each call is acknowledged; stops after the first round with a failure
-- (the server was killed). Usage: ecsh crash_bulk.lua ROUNDS
local rounds = tonumber(arg[1]) or 200
ecs.config{ retries = 0 }
local ids = {}
for img in ecs.images{ ImageOwnerAlias = "self", PageSize = 100 } do ids[#ids + 1] = img.ImageId end
io.write("IMAGES ", #ids, "\n")
io.stdout:flush()
for round = 1, rounds do
  local results = ecs.parallel(ids, function(id)
    ecs.modify_image_attribute{
      ImageId = id,
      ImageName = string.format("crash-r%d-%s", round, id),
      Description = string.format("crash round %d of %s", round, id),
    }
    io.write("ACK ", id, " ", round, "\n")
    io.stdout:flush()
  end, { concurrency = 8 })
  for _, r in ipairs(results) do
    if not r.ok then
      io.stderr:write("stopping after round ", round, ": ", tostring(r.err), "\n")
      os.exit(3)
    end
  end
end
