/* steward-demo.c
 *
 * The same seed gives the same directory, so screenshots and benchmark runs
 * compare like with like.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-demo.h"
#include "steward-time.h"

#define DEMO_SEED 20261128
#define DAY_MS (24 * 60 * 60 * (gint64) 1000)
#define HISTORY_DAYS 60
#define ACCOUNT_AGE_DAYS (3 * 365)

static const char *const first_names[] = {
  "Ada",
  "Aisha",
  "Alejandro",
  "Amara",
  "Ana",
  "Andrei",
  "Ann",
  "Arjun",
  "Astrid",
  "Beatriz",
  "Bilal",
  "Carmen",
  "Chen",
  "Chiara",
  "Daniel",
  "David",
  "Elena",
  "Emeka",
  "Emma",
  "Farah",
  "Fatima",
  "Felix",
  "Freya",
  "Gabriel",
  "Grace",
  "Hana",
  "Hannah",
  "Hugo",
  "Ibrahim",
  "Ines",
  "Isabel",
  "Ivan",
  "Jamal",
  "Javier",
  "Jin",
  "Jonas",
  "Julia",
  "Kai",
  "Kenji",
  "Lars",
  "Layla",
  "Leila",
  "Liam",
  "Lucas",
  "Lucia",
  "Maya",
  "Mei",
  "Mateo",
  "Mohammed",
  "Nadia",
  "Naomi",
  "Nia",
  "Noah",
  "Olga",
  "Omar",
  "Priya",
  "Rafael",
  "Ravi",
  "Rosa",
  "Samuel",
  "Sara",
  "Sofia",
  "Tariq",
  "Thomas",
  "Valentina",
  "Wei",
  "Yara",
  "Yusuf",
  "Zainab",
  "Zoë",
};

static const char *const last_names[] = {
  "Abara",
  "Andersen",
  "Bauer",
  "Bianchi",
  "Castillo",
  "Chen",
  "Costa",
  "Dubois",
  "Eriksen",
  "Fernandes",
  "Fischer",
  "Garcia",
  "Gonzalez",
  "Haddad",
  "Hansen",
  "Hoffmann",
  "Ito",
  "Ivanova",
  "Jansen",
  "Johnson",
  "Kim",
  "Kowalski",
  "Kumar",
  "Larsen",
  "Lee",
  "Lopez",
  "Martin",
  "Meyer",
  "Moreau",
  "Müller",
  "Nakamura",
  "Nguyen",
  "Novak",
  "Okafor",
  "Olsen",
  "Patel",
  "Pereira",
  "Petrov",
  "Quinn",
  "Rahman",
  "Rossi",
  "Santos",
  "Schmidt",
  "Silva",
  "Singh",
  "Smith",
  "Sørensen",
  "Suzuki",
  "Tanaka",
  "Taylor",
  "Thompson",
  "Tran",
  "Wagner",
  "Walker",
  "Wang",
  "Weber",
  "Williams",
  "Wilson",
  "Yilmaz",
  "Zhang",
};

static const char *const domains[] = { "example.com", "example.org", "corp.example.net" };

static const char *const data_sources[] = {
  "Sales Transactions",
  "Customer Profiles",
  "Claims 2026",
  "Web Analytics",
  "HR Directory",
};

/* Extra permissions beyond the defaults, with how often they occur in 1000. */
static const struct
{
  const char *name;
  guint       per_mille;
} extra_permissions[] = {
  { "GOVERNANCE", 100 },
  { "CREATE_DATA_SOURCE", 80 },
  { "PROJECT_MANAGEMENT", 50 },
  { "CREATE_FILTER", 120 },
  { "AUDIT", 30 },
  { "USER_ADMIN", 20 },
  { "IMPERSONATE_USER", 15 },
  { "FETCH_POLICY_INFO", 10 },
};

typedef struct
{
  StewardStore *store;
  GRand        *rand;
  GHashTable   *taken; /* how often each base of an e-mail, ldap uid or SQL user was used */
  const char   *actor_userid;
  gint64        now;
} Seeder;

static gboolean
chance (Seeder *seeder,
        guint   per_mille)
{
  return (guint) g_rand_int_range (seeder->rand, 0, 1000) < per_mille;
}

static gint64
random_time_within (Seeder *seeder,
                    gint64  from,
                    gint64  to)
{
  if (to <= from)
    return to;

  return from + (gint64) (g_rand_double (seeder->rand) * (double) (to - from));
}

/* BASE if free, else BASE with a number: "ann.lee", "ann.lee2", ... Bases
 * are letters only and the numbers come before the suffix, so counting per
 * base gives the same names as trying each in turn, without the quadratic
 * cost of a million users sharing a few thousand names. */
static char *
unique_name (Seeder     *seeder,
             const char *base,
             const char *suffix)
{
  char *key = g_strconcat (base, "\x1f", suffix, NULL);
  guint uses = GPOINTER_TO_UINT (g_hash_table_lookup (seeder->taken, key));

  g_hash_table_replace (seeder->taken, key, GUINT_TO_POINTER (uses + 1));
  if (uses == 0)
    return g_strconcat (base, suffix, NULL);
  return g_strdup_printf ("%s%u%s", base, uses + 1, suffix);
}

/* Lower-case ASCII letters only, for addresses and account names. */
static char *
ascii_handle (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString         *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

static gboolean
audit (Seeder     *seeder,
       gint64      when,
       const char *type,
       const char *actor_iamid,
       const char *actor_userid,
       const char *target_iamid,
       const char *target_userid,
       const char *details,
       GError    **error)
{
  StewardStoreAuditRecord record = {
    .date_time = when,
    .record_type = (char *) type,
    .actor_iamid = (char *) actor_iamid,
    .actor_userid = (char *) actor_userid,
    .target_iamid = (char *) target_iamid,
    .target_userid = (char *) target_userid,
    .success = TRUE,
    .details = (char *) details,
  };

  return steward_store_add_audit (seeder->store, &record, error);
}

static gboolean
admin_audit (Seeder     *seeder,
             gint64      when,
             const char *type,
             const char *iamid,
             const char *userid,
             const char *details,
             GError    **error)
{
  return audit (seeder, when, type, "bim", seeder->actor_userid, iamid, userid, details, error);
}

static gboolean
seed_history (Seeder                    *seeder,
              const StewardStoreNewUser *user,
              const char                *granted,
              GError                   **error)
{
  gint64 history_start = seeder->now - HISTORY_DAYS * DAY_MS;

  if (user->created_at >= history_start && !admin_audit (seeder, user->created_at, "userCreated", user->iamid, user->userid, "{}", error))
    return FALSE;

  /* The last sign-in, plus a few earlier ones in the window. */
  if (user->last_login >= history_start)
    {
      guint earlier = (guint) g_rand_int_range (seeder->rand, 0, 4);

      if (!audit (seeder, user->last_login, "apiKeyAuthenticated", user->iamid, user->userid,
                  user->iamid, user->userid, "{}", error))
        return FALSE;

      for (guint i = 0; i < earlier; i++)
        {
          gint64 when = random_time_within (seeder, MAX (history_start, user->created_at), user->last_login);

          if (!audit (seeder, when, "apiKeyAuthenticated", user->iamid, user->userid,
                      user->iamid, user->userid, "{}", error))
            return FALSE;
        }
    }

  if (granted != NULL && chance (seeder, 300))
    {
      g_autofree char *details = g_strdup_printf ("{\"added\":[\"%s\"],\"removed\":[]}", granted);
      gint64           when = random_time_within (seeder, MAX (history_start, user->created_at), seeder->now);

      if (!admin_audit (seeder, when, "permissionsUpdated", user->iamid, user->userid, details, error))
        return FALSE;
    }

  if (user->disabled)
    {
      gint64 when = random_time_within (seeder, MAX (history_start, user->created_at), seeder->now);

      if (!admin_audit (seeder, when, "userDisabled", user->iamid, user->userid, "{}", error))
        return FALSE;
    }
  else if (chance (seeder, 10))
    {
      gint64 when = random_time_within (seeder, MAX (history_start, user->created_at), seeder->now);

      if (!admin_audit (seeder, when, "userEnabled", user->iamid, user->userid, "{}", error))
        return FALSE;
    }

  if (!g_str_equal (user->iamid, "bim") && chance (seeder, 10))
    {
      g_autofree char *details = g_strdup_printf ("{\"from\":{\"iamid\":\"bim\"},\"to\":{\"iamid\":\"%s\"}}",
                                                  user->iamid);
      gint64           when = random_time_within (seeder, MAX (history_start, user->created_at), seeder->now);

      if (!admin_audit (seeder, when, "userMigrated", user->iamid, user->userid, details, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
seed_memberships (Seeder  *seeder,
                  gint64   id,
                  GError **error)
{
  static const char *const steward_permissions[] = { "GOVERNANCE", NULL };
  static const char *const analyst_permissions[] = { "CREATE_FILTER", NULL };
  static const char *const auditor_permissions[] = { "AUDIT", NULL };

  if (chance (seeder, 150) && !steward_store_add_group_member (seeder->store, "Data Stewards", steward_permissions, id, error))
    return FALSE;
  if (chance (seeder, 200) && !steward_store_add_group_member (seeder->store, "Analysts", analyst_permissions, id, error))
    return FALSE;
  if (chance (seeder, 30) && !steward_store_add_group_member (seeder->store, "Auditors", auditor_permissions, id, error))
    return FALSE;

  if (chance (seeder, 300))
    {
      guint n = (guint) g_rand_int_range (seeder->rand, 1, 4);

      for (guint i = 0; i < n; i++)
        {
          const char *source = data_sources[g_rand_int_range (seeder->rand, 0, G_N_ELEMENTS (data_sources))];

          if (!steward_store_add_subscription (seeder->store, id, source, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
seed_user (Seeder  *seeder,
           guint    index,
           GError **error)
{
  const char      *first = first_names[g_rand_int_range (seeder->rand, 0, G_N_ELEMENTS (first_names))];
  const char      *last = last_names[g_rand_int_range (seeder->rand, 0, G_N_ELEMENTS (last_names))];
  const char      *domain = domains[g_rand_int_range (seeder->rand, 0, G_N_ELEMENTS (domains))];
  g_autofree char *first_handle = ascii_handle (first);
  g_autofree char *last_handle = ascii_handle (last);
  g_autofree char *name = g_strdup_printf ("%s %s", first, last);
  g_autofree char *local = g_strdup_printf ("%s.%s", first_handle, last_handle);
  g_autofree char *at_domain = g_strconcat ("@", domain, NULL);
  g_autofree char *email = unique_name (seeder, local, at_domain);
  g_autofree char *userid = NULL;
  g_autofree char *sql_user = NULL;
  g_autoptr (GPtrArray) permissions = g_ptr_array_new ();
  StewardStoreNewUser user = { 0 };
  const char         *granted = NULL;
  guint               iam_roll = (guint) g_rand_int_range (seeder->rand, 0, 100);
  gint64              id;

  if (iam_roll < 60)
    user.iamid = "bim";
  else if (iam_roll < 85)
    user.iamid = "okta";
  else
    user.iamid = "ldap";

  /* LDAP directories name people by short uids; the others by address. */
  if (g_str_equal (user.iamid, "ldap"))
    {
      g_autofree char *uid = g_strdup_printf ("%c%s", first_handle[0], last_handle);

      userid = unique_name (seeder, uid, "");
    }
  else
    userid = g_strdup (email);

  if (chance (seeder, 300))
    {
      g_autofree char *base = g_strdup_printf ("%s_%s", first_handle, last_handle);

      sql_user = unique_name (seeder, base, "_sql");
    }

  g_ptr_array_add (permissions, (gpointer) "CREATE_DATA_SOURCE_IN_PROJECT");
  g_ptr_array_add (permissions, (gpointer) "CREATE_PROJECT");
  for (guint i = 0; i < G_N_ELEMENTS (extra_permissions); i++)
    {
      if (chance (seeder, extra_permissions[i].per_mille))
        {
          g_ptr_array_add (permissions, (gpointer) extra_permissions[i].name);
          granted = extra_permissions[i].name;
        }
    }
  g_ptr_array_add (permissions, NULL);

  user.userid = userid;
  user.name = name;
  user.email = email;
  user.sql_user = sql_user;
  user.permissions = (const char *const *) permissions->pdata;
  /* One in sixteen, by position, so even a small demo has some. */
  user.disabled = (index % 16) == 7;
  user.created_at = seeder->now - (gint64) g_rand_int_range (seeder->rand, 1, ACCOUNT_AGE_DAYS) * DAY_MS - g_rand_int_range (seeder->rand, 0, (gint32) DAY_MS);
  if (chance (seeder, 850))
    user.last_login = random_time_within (seeder, MAX (user.created_at, seeder->now - 90 * DAY_MS), seeder->now);

  id = steward_store_insert_user (seeder->store, &user, error);
  if (id == 0)
    return FALSE;

  return seed_memberships (seeder, id, error) && seed_history (seeder, &user, granted, error);
}

/* Accounts that were permanently deleted during the window. */
static gboolean
seed_deletions (Seeder  *seeder,
                guint    n_users,
                GError **error)
{
  guint n_deleted = MAX (1, n_users / 200);

  for (guint i = 0; i < n_deleted; i++)
    {
      g_autofree char *userid = g_strdup_printf ("former.employee%u@example.com", i + 1);
      gint64           when = random_time_within (seeder, seeder->now - HISTORY_DAYS * DAY_MS, seeder->now);

      if (!admin_audit (seeder, when, "userDeleted", "bim", userid, "{}", error))
        return FALSE;
    }

  return TRUE;
}

gboolean
steward_demo_seed (StewardStore *store,
                   const char   *actor_userid,
                   guint         n_users,
                   GError      **error)
{
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  Seeder seeder = {
    .store = store,
    .rand = rand,
    .taken = taken,
    .actor_userid = actor_userid,
    .now = steward_now_ms (),
  };

  g_return_val_if_fail (STEWARD_IS_STORE (store), FALSE);

  if (!steward_store_begin_bulk_load (store, error))
    return FALSE;

  for (guint i = 0; i < n_users; i++)
    {
      if (!seed_user (&seeder, i, error))
        goto fail;
    }

  if (!seed_deletions (&seeder, n_users, error))
    goto fail;

  return steward_store_commit_bulk_load (store, error);

fail:
  steward_store_rollback (store);
  return FALSE;
}
