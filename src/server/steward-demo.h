/* steward-demo.h
 *
 * Seeds a fresh database with believable users and sixty days of history
 * so the app, the metrics and the benchmarks have something to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-store.h"

G_BEGIN_DECLS

/* The identity managers demo mode adds beside bim. */
#define STEWARD_DEMO_IAMS "okta:Okta", "ldap:Corporate LDAP"

gboolean steward_demo_seed (StewardStore *store,
                            const char   *actor_userid,
                            guint         n_users,
                            GError      **error);

G_END_DECLS
