/// The Lua side of `ecs.images`: the iterator keeps the current page as a Lua table (pushed straight
/// from the answer's JSON text) and asks Swift for the next page only when the loop needs it.
/// It receives the Swift primitives as `prim`: `open(params)` → a pager, `exhausted(pager)`,
/// `fetch(pager)` → the next page's images (a request that yields inside `ecs.parallel`).
enum ImagesScript {
    /// The chunk; it returns the `images` function.
    static let source = """
        local prim = ...
        local pcall, error, running, status = pcall, error, coroutine.running, coroutine.status
        return function(params)
          prim.not_method_call(params)
          local pager = prim.open(params)
          local page, i, n = nil, 0, 0
          local fetching = nil  -- the coroutine fetching the next page, while it does
          return function()
            if i < n then
              i = i + 1
              return page[i]
            end
            -- Called again while a page is on its way (from another coroutine of ecs.parallel): going on would
            -- fetch that page twice and hand out its images twice. Refuse instead; a fetcher closed by an
            -- interruption is dead, and the page it never got is fetched again.
            if fetching and status(fetching) ~= "dead" then prim.busy() end
            if prim.exhausted(pager) then return nil end
            fetching = running()
            local ok, result = pcall(prim.fetch, pager)
            fetching = nil
            if not ok then error(result, 0) end
            page = result
            i, n = 1, #page
            if n == 0 then return nil end
            return page[1]
          end
        end
        """
}
