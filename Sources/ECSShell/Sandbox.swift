import LuaBridge

/// Removes what a sandboxed snippet may not do: spawn processes, write files, load native code.
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
        load = function(chunk, name, mode, env)
          return load_(chunk, name, "t", env)
        end
        """

    /// Applies the sandbox to a state.
    static func apply(to state: LuaState) throws {
        try state.run(prelude, name: "=sandbox")
    }
}
