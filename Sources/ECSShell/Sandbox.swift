import LuaBridge

/// Removes what a sandboxed snippet may not do: spawn processes, write files, load native code or
/// precompiled chunks (Lua does not verify bytecode: a crafted chunk can corrupt memory).
enum Sandbox {
    /// Lua code that tightens the standard library in place.
    static let prelude = """
        local io_open, io_output, load_, error = io.open, io.output, load, error
        os.execute, io.popen, os.remove, os.rename, os.tmpname, os.exit = nil, nil, nil, nil, nil, nil
        io.tmpfile = nil
        package.loadlib, package.cpath = nil, ""
        if package.searchers then package.searchers[3], package.searchers[4] = nil, nil end
        debug = nil
        package.loaded.debug = nil
        io.open = function(path, mode)
          mode = mode or "r"
          if not (mode == "r" or mode == "rb") then
            error("io.open: writing files is disabled by --sandbox (mode '" .. tostring(mode) .. "')", 2)
          end
          return io_open(path, mode)
        end
        io.output = function(file)
          if file ~= nil then error("io.output: redirecting output is disabled by --sandbox", 2) end
          return io_output()
        end
        -- An env given as nil is an env (load's fourth argument counts when present): pass it only when given.
        local select = select
        load = function(chunk, name, mode, ...)
          if select("#", ...) > 0 then return load_(chunk, name, "t", ...) end
          return load_(chunk, name, "t")
        end
        -- loadfile, dofile and require's Lua searcher, as the standard ones but for text only.
        local function loadtext(path, mode, ...)
          local text, name
          if path == nil then
            text, name = io.read("a"), "=stdin"
          else
            local file, err = io_open(path, "rb")
            if not file then return nil, "cannot open " .. err end
            text, name = file:read("a"), "@" .. path
            file:close()
          end
          if text == nil then return nil, "cannot read " .. tostring(path) end
          -- As luaL_loadfile: a UTF-8 byte-order mark is skipped, then a first line starting with '#'
          -- (#!/usr/bin/env ecsh), line numbers kept.
          if text:sub(1, 3) == "\\239\\187\\191" then text = text:sub(4) end
          if text:sub(1, 1) == "#" then text = "--" .. text end
          -- Text only, whatever the mode asked: "b" (bytecode only) loads nothing here.
          if mode == "b" then return nil, "attempt to load a text chunk (mode is 'b'; --sandbox loads no precompiled chunk)" end
          return load_(text, name, "t", ...)
        end
        loadfile = function(path, mode, ...) return loadtext(path, mode, ...) end
        dofile = function(path)
          local chunk, err = loadtext(path)
          if not chunk then error(err, 2) end
          return chunk()
        end
        if package.searchers then
          local searchpath, format = package.searchpath, string.format
          package.searchers[2] = function(name)
            local path, err = searchpath(name, package.path)
            if not path then return err end  -- require adds the "\\n\\t" before each searcher's message
            local chunk, lerr = loadtext(path)
            if not chunk then error(format("error loading module '%s' from file '%s':\\n\\t%s", name, path, lerr), 0) end
            return chunk, path
          end
        end
        """

    /// Applies the sandbox to a state.
    static func apply(to state: LuaState) throws {
        try state.run(prelude, name: "=sandbox")
    }
}
