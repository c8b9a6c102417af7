//! Messages and the progress bar on standard error.
//!
//! The bar appears only when standard error is a terminal, `CI` is not set, `--quiet` is not
//! given, and the run has lasted over a second (short runs stay silent). Messages are
//! printed above the bar so the two never garble each other.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How long a run must last before the bar appears.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// Standard error output of a run: per-item messages, the bar, the closing summary.
pub struct Progress {
    allowed: bool,
    total_bytes: Option<u64>,
    started: Instant,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A reporter; `quiet` turns the bar off, `total_bytes` gives the bar an end.
    pub fn new(quiet: bool, total_bytes: Option<u64>) -> Progress {
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
        Progress {
            allowed: !quiet && !in_ci && std::io::stderr().is_terminal(),
            total_bytes,
            started: Instant::now(),
            bar: None,
        }
    }

    /// Print one line on standard error, above the bar when there is one.
    pub fn message(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Record progress: `articles` done so far and `bytes` of input consumed.
    pub fn update(&mut self, articles: usize, bytes: u64) {
        if self.bar.is_none() && self.allowed && self.started.elapsed() >= SHOW_AFTER {
            self.bar = Some(self.make_bar());
        }
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
            bar.set_message(format!("{articles} articles"));
        }
    }

    fn make_bar(&self) -> ProgressBar {
        let (bar, template) = match self.total_bytes {
            Some(total) => (
                ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} \
                 {binary_bytes_per_sec} {msg} (eta {eta})",
            ),
            None => (
                ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
                "{spinner} [{elapsed_precise}] {bytes} {binary_bytes_per_sec} {msg}",
            ),
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    }

    /// Remove the bar before the summary is printed.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
