/* The only C code that raises Lua errors or yields: everything Swift does returns first. */
#ifndef CLUASHIM_H
#define CLUASHIM_H
#include <lua5.4/lua.h>
#include <stdint.h>

/* A host function returns a result count (>= 0), CLUASHIM_ERROR (the error value is on top of
   the stack: the trampoline raises it), or CLUASHIM_YIELD_BASE - n (yield the top n values).
   When a yielded coroutine is resumed with (true, v...) the call returns v...; with (false, e)
   the call raises e. */
#define CLUASHIM_ERROR (-1)
#define CLUASHIM_YIELD_BASE (-1000)

/* A Swift host function: it must not raise; it returns a result count or a sentinel. */
typedef int (*cluashim_host_fn)(lua_State *L, void *context);
/* Releases the context of a host function when Lua collects it. */
typedef void (*cluashim_release_fn)(void *context);

/* Pushes a C closure that calls `fn(L, context)` and raises or yields after it has returned.
   `release(context)` runs when the closure is collected (or the state closes). */
void cluashim_push_host_function(lua_State *L, cluashim_host_fn fn, void *context, cluashim_release_fn release);

/* Pushes a full userdata holding `object`, with a metatable named `tname` (created on first use)
   whose __gc calls `release(object)`. Returns nothing; the userdata is on top of the stack. */
void cluashim_push_boxed_object(lua_State *L, void *object, const char *tname, cluashim_release_fn release);
/* The object stored by cluashim_push_boxed_object at `idx` when its metatable is `tname`, else NULL. */
void *cluashim_to_boxed_object(lua_State *L, int idx, const char *tname);

/* Converts the value at idx with __tostring honoured, never raising; pushes the string. */
const char *cluashim_safe_tolstring(lua_State *L, int idx, size_t *len);
/* The traceback captured by the last cluashim_traceback call, pushed (or nil). */
void cluashim_push_last_traceback(lua_State *L);
/* Toggles whether the memory cap is enforced (Swift frames run with it relaxed). Returns the old value. */
int cluashim_set_limit_enforced(lua_State *L, int on);

/* Message handler for lua_pcall: keeps the error value unchanged and records the traceback. */
int cluashim_traceback(lua_State *L);

/* Interrupt flag set from a signal handler; a hook installed on each state checks it. */
void cluashim_request_interrupt(void);
void cluashim_clear_interrupt(void);
int cluashim_interrupt_requested(void);
/* Writes bytes to C's stdout, the stream Lua's print writes to, so the two stay in order. */
void cluashim_write_stdout(const void *bytes, size_t count, int flush);
/* Installs a count hook (every `count` instructions) that raises "interrupted!" when the flag is set. */
void cluashim_install_interrupt_hook(lua_State *L, int count);
/* Instruction budget: raises "instruction budget exhausted" after `limit` instructions (0 = none). */
void cluashim_set_instruction_budget(lua_State *L, long long limit);
/* Installs SIGINT handler that only sets the flag (async-signal-safe). */
void cluashim_install_sigint_handler(void);
/* Restores the default SIGINT disposition. */
void cluashim_restore_sigint_handler(void);

/* A Lua allocator with a byte cap (0 = unlimited); returns a new state or NULL. */
lua_State *cluashim_newstate(size_t memory_limit);
/* Bytes currently allocated by a state made with cluashim_newstate. */
size_t cluashim_memory_in_use(lua_State *L);

/* Runs `luaL_openlibs`, protected (returns a Lua status). */
int cluashim_openlibs(lua_State *L);
#endif
