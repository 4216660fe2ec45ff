---@meta limber

-- The limber host API, version 1, for lua-language-server.
-- Generated from the host API registration (Sources/LimberLua/HostAPI); do not edit.
-- Regenerate with: swift run limber stub --output meta/limber.lua

---The limber host API (version 1). Read-only: plugins call it, never assign to it.
---@class limber
---@field api_version integer the host API version (1)
---@field version string limber's version
limber = {}

---The exercise catalogue: built-in moves and those plugins add.
---@class limber.catalogue
limber.catalogue = {}

---Every exercise in the catalogue, built-in and added, in catalogue order.
---
---```lua
---for _, e in ipairs(limber.catalogue.all()) do print(e.id) end
---```
---@return limber.Exercise[] # copies of the exercise records
function limber.catalogue.all() end

---The exercise with this id, alias or name; nil and a message when there is none.
---
---```lua
---local e = limber.catalogue.get('childs-pose')
---```
---@param id string an id such as 'cat-cow', an alias or a name
---@return limber.Exercise? # the exercise, or nil
---@return string? # why it was not found, with the closest id
function limber.catalogue.get(id) end

---The exercises that match every given field of the filter.
---
---```lua
---limber.catalogue.find{ phase = 'cooldown', kind = 'static' }
---```
---@param filter? limber.ExerciseFilter fields to match; omit one to match all
---@return limber.Exercise[] # matching exercises, in catalogue order
function limber.catalogue.find(filter) end

---Adds an exercise after validating every field; a bad field is an error that names it.
---
---```lua
---limber.catalogue.add{ id = 'wall-calf-stretch', name = 'Wall calf stretch',
---  kind = 'static', position = 'standing', laterality = 'per_side', phase = 'post_run',
---  dose = { unit = 'seconds', min = 30, max = 60, default = 30 }, regions = { 'calves' } }
---```
---@param exercise limber.Exercise the new exercise; list fields default to {}; override = true replaces one with the same id
---@return limber.Exercise # the exercise as stored
function limber.catalogue.add(exercise) end

---One movement in the catalogue.
---@class limber.Exercise
---@field id string slug: lower-case letters, digits and '-'
---@field name string display name
---@field aliases? string[] other names it is found by
---@field kind 'static'|'dynamic' held stretch or moving drill
---@field position 'standing'|'kneeling'|'half_kneeling'|'quadruped'|'supine'|'prone'|'seated'|'lunge' starting position
---@field laterality 'bilateral'|'per_side'|'alternating' how the sides take part
---@field dose limber.Dose how much makes one set
---@field regions string[] body regions, as slugs ('lower_back', 'hips')
---@field muscles? string[] target muscles
---@field phase 'pre_run'|'post_run'|'cooldown'|'anytime' when it belongs
---@field equipment? string[] equipment needed; empty for none
---@field instructions? string[] step-by-step instructions
---@field cues? string[] short cues shown while holding
---@field benefits? string[] why do it
---@field cautions? string[] what to watch for
---@field source? string where it comes from; defaults to the plugin file

---A range and a default in one unit.
---@class limber.Dose
---@field unit 'seconds'|'reps'|'breaths' what the numbers count
---@field min integer least
---@field max integer most
---@field default integer what a routine uses unless told otherwise

---Fields to match in `limber.catalogue.find`.
---@class limber.ExerciseFilter
---@field region? string a region slug the exercise works
---@field phase? 'pre_run'|'post_run'|'cooldown'|'anytime' its phase
---@field kind? 'static'|'dynamic' its kind
---@field position? string its starting position
