/* Boxes: a userdata that owns one retained Swift object and releases it in __gc. */
#include "shim_internal.h"

const char limber__function_meta_key = 'f';
const char limber__box_marker_key = 'b';

int limber__box_gc(lua_State *L) {
    void **slot = (void **)lua_touserdata(L, 1);
    if (slot != NULL && *slot != NULL) {
        void *box = *slot;
        *slot = NULL;
        if (limber__release) limber__release(box);
    }
    return 0;
}

void limber__new_box(lua_State *L, void *box) {
    void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
}

void *limber_tobox(lua_State *L, int index) {
    if (lua_type(L, index) != LUA_TUSERDATA) return NULL;
    if (!lua_checkstack(L, 2)) return NULL;
    if (!lua_getmetatable(L, index)) return NULL;
    int marked = lua_rawgetp(L, -1, &limber__box_marker_key) != LUA_TNIL;
    lua_pop(L, 2);
    if (!marked) return NULL;
    void **slot = (void **)lua_touserdata(L, index);
    return slot ? *slot : NULL;
}
