/* steward-dormant-locator.h
 *
 * Where the dormant accounts are in the users sorted by last login, found
 * with a handful of one-user probes instead of reading the directory.
 *
 * Route 4 sorts by lastLogin but cannot filter on it, and servers differ on
 * where "never signed in" (a null lastLogin) sorts: steward-server (SQLite)
 * puts nulls first in ascending order, PostgreSQL-backed servers put them
 * last. So the locator first looks at both ends of the order, then finds
 * each boundary by bisection: about 2 × log₂(count) probes, 40 for a
 * million users. The answer is one or two ranges, each "the first N users
 * of the listing sorted by lastLogin in this direction", oldest first.
 *
 * The locator only decides which position to probe next and reads the
 * answers; it sends nothing, so the same steps run over HTTP in
 * StewardDormantScan and over a plain array in the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-user-query.h"
#include "steward-user.h"

G_BEGIN_DECLS

typedef struct _StewardDormantLocator StewardDormantLocator;

/* A run of dormant accounts: the first @count users of the active users
 * sorted by last login in @order. */
typedef struct
{
  StewardSortOrder order;
  guint            count;
} StewardDormantRange;

/* Accounts whose last login is before @cutoff (Unix time in seconds), or
 * that never signed in; with @never_only, only the latter. */
StewardDormantLocator *steward_dormant_locator_new (gint64   cutoff,
                                                    gboolean never_only);
void                   steward_dormant_locator_free (StewardDormantLocator *self);

/* TRUE with the next position to probe: the user at @position of the
 * listing sorted by last login in @order. FALSE once the ranges are known. */
gboolean steward_dormant_locator_next (StewardDormantLocator *self,
                                       StewardSortOrder      *order,
                                       guint                 *position);

/* The answer to the probe next() asked for: the user there, NULL when the
 * listing has become shorter than the position, and the listing's count. */
void steward_dormant_locator_feed (StewardDormantLocator *self,
                                   StewardUser           *user,
                                   guint64                total);

/* Once next() is FALSE: the ranges, oldest first (never signed in, then by
 * last login), and how many of their accounts never signed in. */
const StewardDormantRange *steward_dormant_locator_get_ranges (StewardDormantLocator *self,
                                                               guint                 *n_ranges);
guint                      steward_dormant_locator_get_n_never (StewardDormantLocator *self);

/* Whether @user is dormant by the locator's rule (disabled users are not:
 * they are already out of use). */
gboolean steward_dormant_locator_matches (StewardDormantLocator *self,
                                          StewardUser           *user);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardDormantLocator, steward_dormant_locator_free)

G_END_DECLS
