/// The Lua side of `ecs.wait_image`: the polling loop, so that the condition function runs in Lua and
/// every poll and sleep can yield inside `ecs.parallel`. It receives the Swift primitives as `prim`.
enum WaitImageScript {
    /// Seconds an image that was never found may stay missing before `wait_image` answers InvalidImageId.NotFound.
    static let notFoundGrace = 60
    /// The chunk; it returns the `wait_image` function.
    static let source = """
        local prim = ...
        -- Seconds an image never seen may stay missing (CreateImage's id can lag that long) before it is an error.
        local NOT_FOUND_GRACE = \(notFoundGrace)
        local allowed = { ImageId = true, RegionId = true, Status = true, condition = true,
                          timeout = true, interval = true, max_interval = true }
        local function observed(img)
          if img == nil then return "the image was not found" end
          local text = "Status=" .. tostring(img.Status)
          if img.Progress ~= nil and img.Progress ~= "" then text = text .. ", Progress=" .. tostring(img.Progress) end
          if img.ImageName ~= nil then text = text .. ", ImageName=" .. tostring(img.ImageName) end
          return text
        end
        local function positive(opts, key, default)
          local v = opts[key]
          if v == nil then return default end
          if type(v) ~= "number" or v <= 0 or v ~= v then
            prim.fail(key, "parameter '" .. key .. "' of wait_image must be a positive number of seconds, got " .. tostring(v))
          end
          return v
        end
        return function(opts)
          prim.not_method_call(opts)
          if type(opts) ~= "table" then
            prim.fail(nil, "bad argument #1 to 'wait_image' (table expected, got " .. type(opts) .. ")")
          end
          for k in pairs(opts) do
            if not allowed[k] then prim.unknown(k) end
          end
          local id, region, status, condition = opts.ImageId, opts.RegionId, opts.Status, opts.condition
          if type(id) ~= "string" then
            prim.fail("ImageId", "parameter 'ImageId' of wait_image must be a string, got " .. type(id))
          end
          if region ~= nil and type(region) ~= "string" then
            prim.fail("RegionId", "parameter 'RegionId' of wait_image must be a string, got " .. type(region))
          end
          if status ~= nil and type(status) ~= "string" then
            prim.fail("Status", "parameter 'Status' of wait_image must be a string, got " .. type(status))
          end
          if status ~= nil then prim.status(status) end
          if condition ~= nil and type(condition) ~= "function" then
            prim.fail("condition", "parameter 'condition' of wait_image must be a function, got " .. type(condition))
          end
          if (status == nil) == (condition == nil) then
            prim.fail(nil, "wait_image needs exactly one of Status or condition")
          end
          local wanted = {}
          if status ~= nil then
            for s in string.gmatch(status, "[^,]+") do wanted[s] = true end
          end
          local timeout = positive(opts, "timeout", 600)
          local interval = positive(opts, "interval", 2)
          local cap = positive(opts, "max_interval", math.max(interval, 30))
          local started = prim.now()
          local deadline = started + timeout
          local pause = interval
          local seen = false
          while true do
            local img = prim.image(id, region)
            if img ~= nil then
              seen = true
              local done
              if condition ~= nil then done = condition(img) else done = wanted[img.Status] == true end
              if done then return img end
            elseif seen then
              -- Gone after it was seen: deleted, so no status or condition can come true any more.
              prim.not_found("The specified ImageId does not exist: " .. id .. " was deleted while waiting")
            elseif prim.now() - started >= NOT_FOUND_GRACE then
              -- A new image shows within seconds of CreateImage; a minute of absence is a wrong id.
              prim.not_found(string.format("The specified ImageId does not exist: %s was not found in %g s of polling", id,
                NOT_FOUND_GRACE))
            end
            local left = deadline - prim.now()
            if left <= 0 and not seen then
              prim.not_found(string.format("The specified ImageId does not exist: %s was not found in %g s of polling", id, timeout))
            end
            if left <= 0 then
              local goal = status ~= nil and ("Status " .. status) or "the condition"
              prim.timeout(string.format("timed out after %g s waiting for %s to reach %s; last observed: %s",
                timeout, id, goal, observed(img)))
            end
            prim.sleep(math.min(pause, left))
            pause = math.min(pause * 1.5, cap)
          end
        end
        """
}
