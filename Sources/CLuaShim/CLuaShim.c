/* The only code of ecsh that calls lua_error or lua_yield: each happens here, in C, after the
   Swift host function has returned, or (the hooks' luaL_error) inside a pcall made here whose Lua code
   runs above any Swift frame, so no longjmp ever crosses a Swift frame. */
#include "CLuaShim.h"
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>
#include <signal.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define HOSTBOX_META "cluashim.hostbox"
#define TRACEBACK_KEY "cluashim.last_traceback"

typedef struct {
    cluashim_host_fn fn;
    void *context;
    cluashim_release_fn release;
} host_box;

/* Per-state bookkeeping, reached through the allocator's user data. */
typedef struct {
    size_t limit;      /* 0 = unlimited */
    size_t in_use;
    int enforced;      /* the cap applies only while Lua code runs, never inside Swift frames */
    long long budget;  /* instructions left; < 0 = unlimited */
    int hook_count;
    long long tostring_allowance;  /* instructions left to the __tostring that safe_tolstring runs */
    int tostring_depth;            /* safe_tolstring calls under way (nested through host functions) */
} state_info;

static atomic_int interrupt_flag = 0;

static state_info *info_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (state_info *)ud;
}

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    state_info *info = (state_info *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        info->in_use -= old;
        return NULL;
    }
    if (info->limit && info->enforced && nsize > old && info->in_use - old + nsize > info->limit)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (p) info->in_use = info->in_use - old + nsize;
    return p;
}

static int panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "ecsh: unprotected Lua error: %s\n", msg ? msg : "(not a string)");
    return 0; /* lua aborts */
}

lua_State *cluashim_newstate(size_t memory_limit) {
    state_info *info = calloc(1, sizeof(state_info));
    if (!info) return NULL;
    info->limit = memory_limit;
    info->budget = -1;
    lua_State *L = lua_newstate(capped_alloc, info);
    if (!L) { free(info); return NULL; }
    lua_atpanic(L, panic);
    return L;
}

size_t cluashim_memory_in_use(lua_State *L) { return info_of(L)->in_use; }

int cluashim_set_limit_enforced(lua_State *L, int on) {
    state_info *info = info_of(L);
    int old = info->enforced;
    info->enforced = on;
    return old;
}

static int openlibs_thunk(lua_State *L) { luaL_openlibs(L); return 0; }

int cluashim_openlibs(lua_State *L) {
    lua_pushcfunction(L, openlibs_thunk);
    return lua_pcall(L, 0, 0, 0);
}

/* --- host functions ----------------------------------------------------------------------- */

static int hostbox_gc(lua_State *L) {
    host_box *box = (host_box *)luaL_testudata(L, 1, HOSTBOX_META);
    if (box && box->release && box->context) {
        box->release(box->context);
        box->context = NULL;
    }
    return 0;
}

/* Continuation after a host function yielded: resume values decide between return and raise. */
static int host_continue(lua_State *L, int status, lua_KContext base) {
    (void)status;
    int first = (int)base + 1;
    int top = lua_gettop(L);
    if (top < first) return 0;
    if (!lua_toboolean(L, first)) {
        if (top < first + 1) lua_pushnil(L);
        else lua_pushvalue(L, first + 1);
        return lua_error(L);
    }
    return top - first;
}

static int host_trampoline(lua_State *L) {
    host_box *box = (host_box *)lua_touserdata(L, lua_upvalueindex(1));
    state_info *info = info_of(L);
    int was = info->enforced;
    info->enforced = 0;
    int n = box->fn(L, box->context);
    info->enforced = was;
    if (n == CLUASHIM_ERROR) return lua_error(L);
    if (n <= CLUASHIM_YIELD_BASE) {
        int count = CLUASHIM_YIELD_BASE - n;
        lua_KContext base = lua_gettop(L) - count;
        return lua_yieldk(L, count, base, host_continue);
    }
    return n;
}

void cluashim_push_host_function(lua_State *L, cluashim_host_fn fn, void *context, cluashim_release_fn release) {
    host_box *box = (host_box *)lua_newuserdatauv(L, sizeof(host_box), 0);
    box->fn = fn;
    box->context = context;
    box->release = release;
    if (luaL_newmetatable(L, HOSTBOX_META)) {
        lua_pushcfunction(L, hostbox_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
    lua_pushcclosure(L, host_trampoline, 1);
}

/* --- boxed Swift objects -------------------------------------------------------------------- */

typedef struct {
    void *object;
    cluashim_release_fn release;
} object_box;

static int objectbox_gc(lua_State *L) {
    object_box *box = (object_box *)lua_touserdata(L, 1);
    if (box && box->release && box->object) {
        box->release(box->object);
        box->object = NULL;
    }
    return 0;
}

void cluashim_push_boxed_object(lua_State *L, void *object, const char *tname, cluashim_release_fn release) {
    object_box *box = (object_box *)lua_newuserdatauv(L, sizeof(object_box), 1);
    box->object = object;
    box->release = release;
    if (luaL_newmetatable(L, tname)) {
        lua_pushcfunction(L, objectbox_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
}

void *cluashim_to_boxed_object(lua_State *L, int idx, const char *tname) {
    object_box *box = (object_box *)luaL_testudata(L, idx, tname);
    return box ? box->object : NULL;
}

/* --- errors and tracebacks ------------------------------------------------------------------ */

/* Instructions a __tostring called from Swift may run (far more than any sensible one needs), and how often
   its hook counts them. */
#define TOSTRING_MAX_INSTRUCTIONS 100000000LL
#define TOSTRING_HOOK_COUNT 1000

static void guard_hook(lua_State *L, lua_Debug *ar);

/* Takes `count` instructions from the budget (< 0 unlimited, > 0 left, 0 exhausted); true once exhausted. */
static int budget_exhausted_after(state_info *info, int count) {
    if (info->budget > 0) {
        info->budget -= count;
        if (info->budget <= 0) info->budget = 0;
    }
    return info->budget == 0;
}

static void tostring_hook(lua_State *L, lua_Debug *ar) {
    state_info *info = info_of(L);
    if (info->tostring_depth == 0) {
        /* A coroutine made inside a __tostring inherited this hook (lua_newthread copies it): give it the
           ordinary one. */
        lua_sethook(L, guard_hook, LUA_MASKCOUNT, info->hook_count);
        guard_hook(L, ar);
        return;
    }
    int count = lua_gethookcount(L);
    info->tostring_allowance -= count;
    int exhausted = budget_exhausted_after(info, count);
    if (info->tostring_allowance < 0 || exhausted) {
        /* As guard_hook does: from now on at every instruction, so that a pcall cannot swallow it. */
        if (count != 1) lua_sethook(L, tostring_hook, LUA_MASKCOUNT | LUA_MASKCALL | LUA_MASKRET, 1);
        if (exhausted) luaL_error(L, "instruction budget exhausted");
        luaL_error(L, "__tostring ran more than %d million instructions", (int)(TOSTRING_MAX_INSTRUCTIONS / 1000000));
    }
}

static int tolstring_thunk(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    return 1;
}

const char *cluashim_safe_tolstring(lua_State *L, int idx, size_t *len) {
    idx = lua_absindex(L, idx);
    if (!lua_checkstack(L, 3)) { if (len) *len = 0; return NULL; }
    if (lua_type(L, idx) == LUA_TSTRING || lua_type(L, idx) == LUA_TNUMBER) {
        lua_pushvalue(L, idx);
        return lua_tolstring(L, -1, len);
    }
    /* __tostring runs under its own hook: a pending interrupt must not turn the message into noise, but
       the script's instruction budget and a bound of its own still apply, and so does the memory cap
       (a memory error ends in this pcall), so that a runaway __tostring cannot hang or grow the process. */
    state_info *info = info_of(L);
    lua_Hook hook = lua_gethook(L);
    int mask = lua_gethookmask(L), count = lua_gethookcount(L);
    /* The allowance is shared by nested calls (a __tostring that makes Swift describe another value). */
    if (info->tostring_depth++ == 0) info->tostring_allowance = TOSTRING_MAX_INSTRUCTIONS;
    lua_sethook(L, tostring_hook, LUA_MASKCOUNT, TOSTRING_HOOK_COUNT);
    int was_enforced = info->enforced;
    info->enforced = 1;
    lua_pushcfunction(L, tolstring_thunk);
    lua_pushvalue(L, idx);
    int status = lua_pcall(L, 1, 1, 0);
    info->enforced = was_enforced;
    info->tostring_depth--;
    lua_sethook(L, hook, mask, count);
    if (status != LUA_OK && lua_type(L, -1) == LUA_TSTRING) {
        /* Say what went wrong rather than pretend the value had no text. */
        const char *why = lua_tostring(L, -1);
        lua_pushfstring(L, "(%s value: its __tostring failed: %s)", luaL_typename(L, idx), why);
        lua_remove(L, -2);
    } else if (status != LUA_OK || lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 1);
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, idx));
    }
    return lua_tolstring(L, -1, len);
}

int cluashim_traceback(lua_State *L) {
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, TRACEBACK_KEY);
    return 1; /* the error value, unchanged */
}

void cluashim_push_last_traceback(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, TRACEBACK_KEY);
}

/* --- interrupts and budgets ----------------------------------------------------------------- */

/* When the pending interrupt was requested (monotonic milliseconds). */
static atomic_llong interrupt_since_ms = 0;

static long long monotonic_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);  /* async-signal-safe */
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

void cluashim_request_interrupt(void) {
    atomic_store(&interrupt_since_ms, monotonic_ms());
    atomic_store(&interrupt_flag, 1);
}
void cluashim_clear_interrupt(void) { atomic_store(&interrupt_flag, 0); }
int cluashim_interrupt_requested(void) { return atomic_load(&interrupt_flag); }

void cluashim_write_stdout(const void *bytes, size_t count, int flush) {
    fwrite(bytes, 1, count, stdout);
    if (flush) fflush(stdout);
}

/* The budget: < 0 unlimited, > 0 instructions left, 0 exhausted. Once interrupted or exhausted, the hook
   fires at every instruction, call and return, so that a pcall in a loop cannot swallow the error: it is
   raised again in the code around the pcall. */
static void guard_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    state_info *info = info_of(L);
    int interrupted = atomic_load(&interrupt_flag);
    if (interrupted || budget_exhausted_after(info, lua_gethookcount(L))) {
        if (lua_gethookcount(L) != 1)
            lua_sethook(L, guard_hook, LUA_MASKCOUNT | LUA_MASKCALL | LUA_MASKRET, 1);
        luaL_error(L, interrupted ? "interrupted!" : "instruction budget exhausted");
        return;
    }
    if (lua_gethookcount(L) == 1 && info->hook_count != 1)
        lua_sethook(L, guard_hook, LUA_MASKCOUNT, info->hook_count);
}

void cluashim_install_interrupt_hook(lua_State *L, int count) {
    info_of(L)->hook_count = count;
    lua_sethook(L, guard_hook, LUA_MASKCOUNT, count);
}

void cluashim_set_instruction_budget(lua_State *L, long long limit) {
    info_of(L)->budget = limit > 0 ? limit : -1;
}

/* The first SIGINT sets the flag; another one while the first has been pending for a second or more means
   the program is stuck where the flag is never looked at (a C function such as string.find): leave at
   once, as the shell would on SIGINT without a handler. A quick double tap while the first is being
   served (a wait polls every 50 ms) does nothing. */
static void on_sigint(int sig) {
    (void)sig;
    if (!atomic_exchange(&interrupt_flag, 1)) {
        atomic_store(&interrupt_since_ms, monotonic_ms());
        return;
    }
    if (monotonic_ms() - atomic_load(&interrupt_since_ms) >= 1000) {
        static const char message[] = "\necsh: interrupted again: exiting\n";
        ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
        (void)ignored;
        _exit(130);
    }
}

void cluashim_install_sigint_handler(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

void cluashim_restore_sigint_handler(void) { signal(SIGINT, SIG_DFL); }
