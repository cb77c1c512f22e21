#pragma once

// The whole wire contract in one include: frame types and keys, ids and enums, objects, requests, events and
// the REST surface. See README.md beside this file.
#include "channel.h"
#include "codec.h"
#include "enums.h"
#include "error.h"
#include "events.h"
#include "frame.h"
#include "frametype.h"
#include "id.h"
#include "keys.h"
#include "message.h"
#include "moderation.h"
#include "requests.h"
#include "rest.h"
#include "user.h"
