/* steward-dormant-locator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-dormant-locator.h"

typedef enum
{
  PHASE_FIRST_ASCENDING,  /* who sorts first */
  PHASE_FIRST_DESCENDING, /* who sorts last */
  PHASE_NEVER,            /* where the run of null last logins ends */
  PHASE_OLD,              /* where the logins before the cutoff end */
  PHASE_DONE,
} Phase;

/* What must hold for every position before the boundary being bisected. */
typedef enum
{
  HOLDS_NEVER,        /* never signed in */
  HOLDS_OLD,          /* signed in before the cutoff */
  HOLDS_NEVER_OR_OLD, /* either */
} Condition;

struct _StewardDormantLocator
{
  gint64   cutoff;
  gboolean never_only;

  Phase    phase;
  guint    total;
  gint     first_ascending;  /* -1 unknown, else 1 when it never signed in */
  gint     first_descending; /* the same for the last one */
  gboolean first_ascending_old;

  /* The bisection: every position below @low satisfies @condition, none
   * from @high on does. */
  StewardSortOrder order;
  Condition        condition;
  guint            low;
  guint            high;
  guint            probe;

  StewardSortOrder    never_order;
  guint               n_never;
  StewardDormantRange ranges[2];
  guint               n_ranges;
};

static gboolean
signed_in_before (StewardUser *user,
                  gint64       cutoff)
{
  GDateTime *last_login = steward_user_get_last_login (user);

  return last_login != NULL && g_date_time_to_unix (last_login) < cutoff;
}

static gboolean
satisfies (StewardDormantLocator *self,
           StewardUser           *user)
{
  gboolean never;

  if (user == NULL)
    return FALSE;

  never = steward_user_get_last_login (user) == NULL;
  switch (self->condition)
    {
      case HOLDS_NEVER:
        return never;
      case HOLDS_OLD:
        return signed_in_before (user, self->cutoff);
      case HOLDS_NEVER_OR_OLD:
      default:
        return never || signed_in_before (user, self->cutoff);
    }
}

static void
add_range (StewardDormantLocator *self,
           StewardSortOrder       order,
           guint                  count)
{
  if (count == 0)
    return;
  self->ranges[self->n_ranges].order = order;
  self->ranges[self->n_ranges].count = count;
  self->n_ranges++;
}

static void
bisect (StewardDormantLocator *self,
        Phase                  phase,
        StewardSortOrder       order,
        Condition              condition,
        guint                  low,
        guint                  high)
{
  self->phase = phase;
  self->order = order;
  self->condition = condition;
  self->low = low;
  self->high = MAX (low, high);
}

/* The accounts that signed in before the cutoff, once those that never did
 * are known. */
static void
start_old (StewardDormantLocator *self)
{
  if (self->never_only || self->total == self->n_never)
    {
      if (self->never_order == STEWARD_SORT_ASCENDING || self->n_never == 0)
        add_range (self, STEWARD_SORT_ASCENDING, self->n_never);
      else
        add_range (self, STEWARD_SORT_DESCENDING, self->n_never);
      self->phase = PHASE_DONE;
      return;
    }

  if (self->n_never > 0 && self->never_order == STEWARD_SORT_ASCENDING)
    {
      /* Nulls first: the dormant accounts are one run from position 0. */
      bisect (self, PHASE_OLD, STEWARD_SORT_ASCENDING, HOLDS_NEVER_OR_OLD, self->n_never, self->total);
      return;
    }

  /* Nulls last, or none: the never-signed-in run is read from the other end
   * and comes first; the old logins start at position 0. */
  add_range (self, STEWARD_SORT_DESCENDING, self->n_never);
  if (!self->first_ascending_old)
    {
      self->phase = PHASE_DONE;
      return;
    }
  bisect (self, PHASE_OLD, STEWARD_SORT_ASCENDING, HOLDS_OLD, 1, self->total - self->n_never);
}

/* Both ends are known: where do the nulls sort, and how far do they go? */
static void
start_never (StewardDormantLocator *self)
{
  if (self->total == 0)
    {
      self->phase = PHASE_DONE;
      return;
    }

  if (self->first_ascending && self->first_descending)
    {
      self->n_never = self->total;
      self->never_order = STEWARD_SORT_ASCENDING;
      start_old (self);
      return;
    }

  if (!self->first_ascending && !self->first_descending)
    {
      self->n_never = 0;
      start_old (self);
      return;
    }

  /* Position 0 of this order never signed in, the last one did. */
  self->never_order = self->first_ascending ? STEWARD_SORT_ASCENDING : STEWARD_SORT_DESCENDING;
  bisect (self, PHASE_NEVER, self->never_order, HOLDS_NEVER, 1, self->total - 1);
}

StewardDormantLocator *
steward_dormant_locator_new (gint64   cutoff,
                             gboolean never_only)
{
  StewardDormantLocator *self = g_new0 (StewardDormantLocator, 1);

  self->cutoff = cutoff;
  self->never_only = never_only;
  self->phase = PHASE_FIRST_ASCENDING;
  self->first_ascending = -1;
  self->first_descending = -1;
  return self;
}

void
steward_dormant_locator_free (StewardDormantLocator *self)
{
  g_free (self);
}

gboolean
steward_dormant_locator_next (StewardDormantLocator *self,
                              StewardSortOrder      *order,
                              guint                 *position)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (;;)
    {
      switch (self->phase)
        {
          case PHASE_FIRST_ASCENDING:
            *order = STEWARD_SORT_ASCENDING;
            *position = 0;
            return TRUE;

          case PHASE_FIRST_DESCENDING:
            *order = STEWARD_SORT_DESCENDING;
            *position = 0;
            return TRUE;

          case PHASE_NEVER:
          case PHASE_OLD:
            if (self->low < self->high)
              {
                self->probe = self->low + (self->high - self->low) / 2;
                *order = self->order;
                *position = self->probe;
                return TRUE;
              }
            if (self->phase == PHASE_NEVER)
              {
                self->n_never = self->low;
                start_old (self);
              }
            else
              {
                add_range (self, STEWARD_SORT_ASCENDING, self->low);
                self->phase = PHASE_DONE;
              }
            continue;

          case PHASE_DONE:
          default:
            return FALSE;
        }
    }
}

void
steward_dormant_locator_feed (StewardDormantLocator *self,
                              StewardUser           *user,
                              guint64                total)
{
  g_return_if_fail (self != NULL);

  switch (self->phase)
    {
      case PHASE_FIRST_ASCENDING:
        self->total = (guint) MIN (total, (guint64) G_MAXUINT);
        if (user == NULL)
          self->total = 0;
        self->first_ascending = user != NULL && steward_user_get_last_login (user) == NULL;
        self->first_ascending_old = user != NULL && signed_in_before (user, self->cutoff);
        if (self->total <= 1)
          {
            self->first_descending = self->first_ascending;
            start_never (self);
          }
        else
          self->phase = PHASE_FIRST_DESCENDING;
        break;

      case PHASE_FIRST_DESCENDING:
        self->first_descending = user != NULL && steward_user_get_last_login (user) == NULL;
        start_never (self);
        break;

      case PHASE_NEVER:
      case PHASE_OLD:
        if (satisfies (self, user))
          self->low = self->probe + 1;
        else
          self->high = self->probe;
        break;

      case PHASE_DONE:
      default:
        g_return_if_reached ();
    }
}

const StewardDormantRange *
steward_dormant_locator_get_ranges (StewardDormantLocator *self,
                                    guint                 *n_ranges)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->phase == PHASE_DONE, NULL);

  *n_ranges = self->n_ranges;
  return self->ranges;
}

guint
steward_dormant_locator_get_n_never (StewardDormantLocator *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_never;
}

gboolean
steward_dormant_locator_matches (StewardDormantLocator *self,
                                 StewardUser           *user)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (steward_user_get_disabled (user))
    return FALSE;
  if (steward_user_get_last_login (user) == NULL)
    return TRUE;
  return !self->never_only && signed_in_before (user, self->cutoff);
}
