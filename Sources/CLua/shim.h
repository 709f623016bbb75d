/* Re-exports of the lua.h macros that Swift cannot import, as static inline functions. */
#ifndef CLUA_SHIM_H
#define CLUA_SHIM_H
#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>

static const int CLUA_REGISTRYINDEX = LUA_REGISTRYINDEX;
static const int CLUA_MULTRET = LUA_MULTRET;
static const lua_Integer CLUA_RIDX_GLOBALS = LUA_RIDX_GLOBALS;

static inline void clua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void clua_newtable(lua_State *L) { lua_newtable(L); }
static inline int clua_pcall(lua_State *L, int nargs, int nresults, int msgh) { return lua_pcall(L, nargs, nresults, msgh); }
static inline void clua_call(lua_State *L, int nargs, int nresults) { lua_call(L, nargs, nresults); }
static inline const char *clua_tostring(lua_State *L, int i) { return lua_tostring(L, i); }
static inline lua_Number clua_tonumber(lua_State *L, int i) { return lua_tonumber(L, i); }
static inline lua_Integer clua_tointeger(lua_State *L, int i) { return lua_tointeger(L, i); }
static inline int clua_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline int clua_isnil(lua_State *L, int i) { return lua_isnil(L, i); }
static inline int clua_isnoneornil(lua_State *L, int i) { return lua_isnoneornil(L, i); }
static inline int clua_isfunction(lua_State *L, int i) { return lua_isfunction(L, i); }
static inline int clua_istable(lua_State *L, int i) { return lua_istable(L, i); }
static inline void clua_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcfunction(L, f); }
static inline void clua_register(lua_State *L, const char *n, lua_CFunction f) { lua_register(L, n, f); }
static inline const char *clua_pushliteral(lua_State *L, const char *s) { return lua_pushstring(L, s); }
static inline void clua_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }
static inline void clua_insert(lua_State *L, int i) { lua_insert(L, i); }
static inline void clua_remove(lua_State *L, int i) { lua_remove(L, i); }
static inline void clua_replace(lua_State *L, int i) { lua_replace(L, i); }
static inline void *clua_newuserdata(lua_State *L, size_t sz) { return lua_newuserdatauv(L, sz, 1); }
static inline int clua_getuservalue(lua_State *L, int i) { return lua_getiuservalue(L, i, 1); }
static inline int clua_setuservalue(lua_State *L, int i) { return lua_setiuservalue(L, i, 1); }
static inline int clua_loadbuffer(lua_State *L, const char *b, size_t sz, const char *name) { return luaL_loadbuffer(L, b, sz, name); }
static inline int clua_loadbufferx(lua_State *L, const char *b, size_t sz, const char *name, const char *mode) { return luaL_loadbufferx(L, b, sz, name, mode); }
static inline int clua_yield(lua_State *L, int n) { return lua_yield(L, n); }
static inline const char *clua_typename(lua_State *L, int i) { return luaL_typename(L, i); }
static inline void clua_getmetatable_named(lua_State *L, const char *n) { luaL_getmetatable(L, n); }
static inline int clua_gc_collect(lua_State *L) { return lua_gc(L, LUA_GCCOLLECT); }
static inline int clua_gc_count_kb(lua_State *L) { return lua_gc(L, LUA_GCCOUNT); }
static inline void *clua_getextraspace(lua_State *L) { return lua_getextraspace(L); }
static const int CLUA_OK = LUA_OK;
static const int CLUA_YIELD = LUA_YIELD;
static const int CLUA_ERRSYNTAX = LUA_ERRSYNTAX;
static const int CLUA_ERRMEM = LUA_ERRMEM;
#endif
