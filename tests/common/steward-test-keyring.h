/* steward-test-keyring.h
 *
 * Whether a test can use the keyring: TRUE when a Secret Service runs on
 * the session bus; otherwise the test is skipped, or fails when CI sets
 * STEWARD_REQUIRE_KEYRING=1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean steward_test_require_keyring (void);

G_END_DECLS
