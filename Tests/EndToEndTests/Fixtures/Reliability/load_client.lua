-- One of the load test's concurrent clients: for SECONDS seconds, sends requests back to back
-- (three DescribeImages PageSize=10 for every ModifyImageAttribute of its own image), with no
-- retries so that every error the emulator gives is counted. Prints one JSON summary:
--   {"requests":N,"errors":E,"codes":{"Code":count,...}}
-- Usage: ecsh --rate off load_client.lua SECONDS INDEX
local seconds = tonumber(arg[1]) or 15
local index = tonumber(arg[2]) or 1
ecs.config{ retries = 0 }
local ids = {}
for _, img in ipairs(ecs.describe_images{ ImageOwnerAlias = "self", PageSize = 100 }.Images) do ids[#ids + 1] = img.ImageId end
local target = ids[(index - 1) % #ids + 1]
local requests, errors, codes = 1, 0, {}
local stop = os.time() + seconds
while os.time() < stop do
  local ok, err
  if requests % 4 == 0 then
    ok, err = pcall(ecs.modify_image_attribute, {
      ImageId = target, Description = string.format("load client %d request %d", index, requests) })
  else
    ok, err = pcall(ecs.describe_images, { PageSize = 10, PageNumber = requests % 5 + 1 })
  end
  requests = requests + 1
  if not ok then
    errors = errors + 1
    local code = type(err) == "table" and err.code or tostring(err)
    codes[code] = (codes[code] or 0) + 1
  end
end
codes["_"] = 0   -- keeps the JSON an object even when there were no errors
print(json.encode{ requests = requests, errors = errors, codes = codes })
