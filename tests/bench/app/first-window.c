/* first-window.c
 *
 * Starts a program and prints, in milliseconds, how long it took until
 * the X server mapped its first top-level window; then stops it. One X
 * connection watches the root window for map events, so no polling skews
 * the figure and every program is measured exactly alike.
 *
 * usage: first-window PROGRAM [ARGUMENT...]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <X11/Xlib.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  pid_t    child;
  double   start;
  int      status = 1;

  if (argc < 2)
    {
      fprintf (stderr, "usage: first-window PROGRAM [ARGUMENT...]\n");
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "first-window: cannot open the X display\n");
      return 77;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  child = fork ();
  if (child == 0)
    {
      execvp (argv[1], argv + 1);
      _exit (127);
    }

  while (now_ms () - start < 60000)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };
      int           exited;

      if (XPending (display) == 0)
        {
          poll (&fd, 1, 100);
          if (waitpid (child, &exited, WNOHANG) == child)
            {
              fprintf (stderr, "first-window: %s exited before showing a window\n", argv[1]);
              return 1;
            }
          continue;
        }

      {
        XEvent event;

        XNextEvent (display, &event);
        /* Menus and tooltips are override-redirect; a window is not. */
        if (event.type == MapNotify && !event.xmap.override_redirect)
          {
            printf ("%.1f\n", now_ms () - start);
            status = 0;
            break;
          }
      }
    }

  kill (child, SIGTERM);
  waitpid (child, NULL, 0);
  XCloseDisplay (display);
  return status;
}
