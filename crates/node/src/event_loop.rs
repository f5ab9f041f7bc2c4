//! The event loop: timers, immediates and the microtask checkpoints between them, with Node's
//! ordering rules, on a current-thread tokio runtime (real time) or a virtual clock.
//!
//! Rules (Node v20): after the script and after every macrotask callback, Node's
//! `processTicksAndRejections` runs: all `process.nextTick` callbacks, then all microtasks,
//! repeated until both queues are empty, then the unhandled-rejection check. Timers fire in (deadline, creation order);
//! a delay below 1 ms (or NaN, or above 2^31-1) means 1 ms; the deadline is computed from the
//! clock read when `setTimeout` is called. Immediates run after the due timers of a loop turn.
//! The loop ends when no referenced timer and no immediate is left.
//!
//! Virtual time: the clock is real elapsed time plus the waits we skipped, so timers fire in
//! exactly the same order as with real waiting, busy-waits on `Date.now()` still end, and a
//! script made of long timeouts finishes at once.

use std::collections::{BTreeMap, VecDeque};
use std::time::{Duration, Instant};

use crate::prelude::*;
use jsgen_engine::interp::{Abrupt, Interp};
use jsgen_engine::value::Value;

/// One scheduled timer.
pub struct Timer {
    pub callback: Value,
    pub args: Vec<Value>,
    /// `setInterval` period (ms).
    pub repeat: Option<f64>,
    pub refed: bool,
    /// The delay as given (for `refresh`).
    pub delay: f64,
    pub deadline: f64,
    pub seq: u64,
    /// The `Timeout` object (`this` in the callback).
    pub this: Value,
    /// The continuation data (AsyncContextFrame) current when the timer was made.
    pub context: Value,
    /// Node's `triggerAsyncId()` in the callback: the execution id where it was made.
    pub trigger: u64,
}

/// One queued `setImmediate` callback.
pub struct ImmediateEntry {
    pub id: u64,
    pub callback: Value,
    pub args: Vec<Value>,
    /// The `Immediate` object (`this` in the callback).
    pub this: Value,
    pub refed: bool,
    /// The continuation data (AsyncContextFrame) current when it was made.
    pub context: Value,
    /// Node's `triggerAsyncId()` in the callback.
    pub trigger: u64,
}

pub struct Timers {
    start: Instant,
    /// Milliseconds since the Unix epoch when `start` was taken (`performance.timeOrigin`).
    origin_epoch: f64,
    /// Milliseconds skipped by virtual time.
    skipped: f64,
    /// See [`Timers::loop_now`].
    loop_time: Option<f64>,
    pub virtual_time: bool,
    next_id: u64,
    next_seq: u64,
    /// Boxed: a table entry is then 16 bytes, not the 136 of a `Timer` (the table keeps
    /// up to twice as many entries as timers; 20 000 timers took 4.5 MB inline, 3.4 boxed).
    pub timers: rustc_hash::FxHashMap<u64, Box<Timer>>,
    /// (deadline in µs, seq) → id
    queue: BTreeMap<(u64, u64), u64>,
    pub immediates: VecDeque<ImmediateEntry>,
    /// The last `Immediate` of Node's current immediate list (`immediateQueue.tail`), which a
    /// new one links to; the list starts over when the check phase takes it.
    pub immediate_tail: Option<jsgen_engine::object::Obj>,
    /// Node's `executionAsyncId()`: 1 in the main script, the resource's id in its callback,
    /// 0 in promise jobs.
    pub exec_async_id: u64,
    /// Node's `triggerAsyncId()`: 0 in the main script and promise jobs, the execution id
    /// where the running callback's resource was made.
    pub trigger_async_id: u64,
    /// The wall-clock budget of the whole run (`--timeout`): the loop ends there, and the
    /// host's watchdog stops running script code.
    pub deadline: Option<Instant>,
    /// What scripts see of Node's timer lists (`_idlePrev`, `_idleNext`, `TimersList`).
    pub lists: crate::timers::TimerLists,
    /// Callbacks the poll phase runs, in order, each with its continuation data and whether
    /// it keeps the loop alive: a `MessagePort`'s message deliveries and close events (Node's
    /// `uv_async_t`, referenced while the port is).
    pub poll_callbacks: VecDeque<(Value, Value, bool)>,
}

impl Default for Timers {
    fn default() -> Self {
        let start = Instant::now();
        let origin_epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as f64)
            .unwrap_or(0.0);
        Timers {
            start,
            origin_epoch,
            skipped: 0.0,
            loop_time: None,
            virtual_time: false,
            // Async ids: 1 is the main script, so the first resource gets 2.
            next_id: 2,
            next_seq: 0,
            timers: Default::default(),
            queue: BTreeMap::new(),
            immediates: VecDeque::new(),
            immediate_tail: None,
            exec_async_id: 1,
            trigger_async_id: 0,
            deadline: None,
            lists: Default::default(),
            poll_callbacks: VecDeque::new(),
        }
    }
}

fn key(deadline: f64, seq: u64) -> (u64, u64) {
    ((deadline * 1000.0) as u64, seq)
}

impl Timers {
    /// Milliseconds since the loop started, on the clock in use.
    pub fn now(&self) -> f64 {
        self.start.elapsed().as_secs_f64() * 1000.0 + self.skipped
    }

    /// libuv's cached loop time (`uv_now`, Node's `getLibuvNow()`), which timers start from:
    /// read once per loop iteration (at its timers phase, [`Timers::update_loop_time`]) and
    /// by the first timer a macrotask schedules before that. So the timers one piece of
    /// code schedules with one duration share their start and fire in the same timers
    /// phase, as in Node, even when the clock crosses a millisecond between the calls (two
    /// `setTimeout(f, 0)` around a `setImmediate` came out on either side of it under load).
    pub fn loop_now(&mut self) -> f64 {
        match self.loop_time {
            Some(t) => t,
            None => self.update_loop_time(),
        }
    }

    /// Reads the clock into the cached loop time (libuv's `uv_update_time`).
    pub fn update_loop_time(&mut self) -> f64 {
        let t = self.now();
        self.loop_time = Some(t);
        t
    }

    /// `performance.timeOrigin`: the epoch time (ms) at which `now()` was 0.
    pub fn time_origin(&self) -> f64 {
        self.origin_epoch
    }

    /// Milliseconds since the Unix epoch, on the clock in use (`Date.now()`): the epoch
    /// millisecond at start plus `now()`, so `Date.now()`, `performance.now()` and timer
    /// deadlines read one clock. With a whole-millisecond origin, a timer of `d` ms fires when
    /// `Date.now()` has advanced by at least `d` (deadlines are `floor(now) + d`), as in Node.
    pub fn epoch_now(&self) -> f64 {
        (self.origin_epoch + self.now()).floor()
    }

    /// Node's delay coercion: `after *= 1; if (!(after >= 1 && after <= 2^31-1)) after = 1`.
    pub fn coerce_delay(d: f64) -> f64 {
        let d = d.trunc();
        if (1.0..=2147483647.0).contains(&d) {
            d
        } else {
            1.0
        }
    }

    /// Node's `newAsyncId()`: timers, immediates, ticks and `queueMicrotask` callbacks each
    /// take one (timer ids are their async ids, as `+timeout` shows).
    /// Enters a callback's async scope (Node's `emitBefore`): sets `executionAsyncId()` and
    /// `triggerAsyncId()`, returning the previous pair for [`Timers::exit_async_scope`].
    pub fn enter_async_scope(&mut self, id: u64, trigger: u64) -> (u64, u64) {
        let saved = (self.exec_async_id, self.trigger_async_id);
        self.exec_async_id = id;
        self.trigger_async_id = trigger;
        saved
    }

    /// Leaves the scope entered by [`Timers::enter_async_scope`] (Node's `emitAfter`).
    pub fn exit_async_scope(&mut self, saved: (u64, u64)) {
        (self.exec_async_id, self.trigger_async_id) = saved;
    }

    pub fn new_async_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub fn add(
        &mut self,
        callback: Value,
        args: Vec<Value>,
        delay: f64,
        repeat: bool,
        context: Value,
    ) -> u64 {
        let id = self.new_async_id();
        let delay = Self::coerce_delay(delay);
        self.schedule(
            id,
            Box::new(Timer {
                callback,
                args,
                repeat: if repeat { Some(delay) } else { None },
                refed: true,
                delay,
                deadline: 0.0,
                seq: 0,
                this: Value::Undefined,
                context,
                trigger: self.exec_async_id,
            }),
        );
        id
    }

    /// Sets the object a timer callback gets as `this`.
    pub fn set_this(&mut self, id: u64, this: Value) {
        if let Some(t) = self.timers.get_mut(&id) {
            t.this = this;
        }
    }

    fn schedule(&mut self, id: u64, mut t: Box<Timer>) {
        t.deadline = self.loop_now().floor() + t.delay;
        t.seq = self.next_seq;
        self.next_seq += 1;
        self.queue.insert(key(t.deadline, t.seq), id);
        self.timers.insert(id, t);
    }

    pub fn clear(&mut self, id: u64) {
        if let Some(t) = self.timers.remove(&id) {
            self.queue.remove(&key(t.deadline, t.seq));
        }
        self.immediates.retain(|e| e.id != id);
    }

    pub fn refresh(&mut self, id: u64) {
        if let Some(t) = self.timers.remove(&id) {
            self.queue.remove(&key(t.deadline, t.seq));
            self.schedule(id, t);
        }
    }

    pub fn set_ref(&mut self, id: u64, refed: bool) {
        if let Some(t) = self.timers.get_mut(&id) {
            t.refed = refed;
        } else if let Some(e) = self.immediates.iter_mut().rev().find(|e| e.id == id) {
            e.refed = refed;
        }
    }

    pub fn has_ref(&self, id: u64) -> bool {
        self.timers.get(&id).is_some_and(|t| t.refed)
    }

    /// Queues an immediate whose async id `id` was taken with `new_async_id`.
    pub fn add_immediate(
        &mut self,
        id: u64,
        callback: Value,
        args: Vec<Value>,
        this: Value,
        context: Value,
    ) {
        self.immediates.push_back(ImmediateEntry {
            id,
            callback,
            args,
            this,
            refed: true,
            context,
            trigger: self.exec_async_id,
        });
    }

    pub fn has_refed_work(&self) -> bool {
        self.poll_callbacks.iter().any(|p| p.2)
            || self.immediates.iter().any(|e| e.refed)
            || self.timers.values().any(|t| t.refed)
    }

    fn next_deadline(&self) -> Option<f64> {
        self.queue
            .iter()
            .find(|(_, id)| self.timers.contains_key(id))
            .map(|((d, _), _)| *d as f64 / 1000.0)
    }

    /// The delay of the earliest timer due at `now` (Node keeps one list per delay).
    fn peek_due_delay(&self, now: f64) -> Option<f64> {
        self.queue
            .iter()
            .take_while(|((d, _), _)| *d as f64 / 1000.0 <= now)
            .find_map(|(_, id)| self.timers.get(id).map(|t| t.delay))
    }

    /// Takes the earliest timer due at `now` off the queue: (id, callback, args, repeats,
    /// this, delay) and its continuation data. Intervals stay registered (so `clearInterval`
    /// inside the callback can remove them).
    #[allow(clippy::type_complexity)]
    fn pop_due(
        &mut self,
        now: f64,
    ) -> Option<((u64, Value, Vec<Value>, bool, Value, f64), (Value, u64))> {
        loop {
            let (&k, &id) = self.queue.iter().next()?;
            if k.0 as f64 / 1000.0 > now {
                return None;
            }
            self.queue.remove(&k);
            let Some(t) = self.timers.get(&id) else {
                continue;
            };
            let out = (
                id,
                t.callback.clone(),
                t.args.clone(),
                t.repeat.is_some(),
                t.this.clone(),
                t.delay,
            );
            let out = (out, (t.context.clone(), t.trigger));
            if t.repeat.is_none() {
                self.timers.remove(&id);
            }
            return Some(out);
        }
    }

    /// Re-arms an interval after its callback ran (unless it was cleared).
    fn rearm(&mut self, id: u64) {
        if let Some(mut t) = self.timers.remove(&id) {
            t.delay = t.repeat.unwrap_or(t.delay);
            self.schedule(id, t);
        }
    }
}

/// How the event loop ended.
pub enum LoopEnd {
    /// Nothing left to do.
    Done,
    /// An exception escaped a callback (uncaught exception: exit code 1).
    Uncaught(Value),
    /// An unhandled rejection (mode `throw`/`strict`: exit code 1).
    UnhandledRejection(Value),
    /// `process.exit(code)` was called ('exit' listeners already ran).
    Exit(i32),
}

/// What to do with unhandled rejections (Node's `--unhandled-rejections`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectionMode {
    Throw,
    Strict,
    Warn,
    None,
}

impl RejectionMode {
    pub fn parse(s: &str) -> Option<RejectionMode> {
        Some(match s {
            "throw" => RejectionMode::Throw,
            "strict" => RejectionMode::Strict,
            "warn" | "warn-with-error-code" => RejectionMode::Warn,
            "none" => RejectionMode::None,
            _ => return None,
        })
    }
}

/// Node's event loop on the interpreter: ticks, microtasks, timers, immediates.
/// Calls a timer's or immediate's callback as Node does (`timer._onTimeout()` from
/// `listOnTimeout`), so its stack trace reads as Node's.
fn call_from_host(
    it: &mut Interp,
    f: &Value,
    this: &Value,
    args: &[Value],
    method: &str,
    frames: &str,
) -> jsgen_engine::interp::JsResult<Value> {
    it.stack.push(jsgen_engine::interp::StackEntry {
        method_call: None,
        construct: false,
        next_below: false,
        name: jsgen_engine::string::JsStr::intern(frames),
        pos: Default::default(),
        source: 0,
        kind: jsgen_engine::interp::FrameKind::HostEntry,
    });
    let r = it.call_as_method(f, this, args, method);
    it.stack.pop();
    r
}

/// Node 24's frames below a timer callback (`lib/internal/timers.js`).
const TIMER_FRAMES: &str =
    "listOnTimeout (node:internal/timers:685:17)\nprocess.processTimers (node:internal/timers:618:7)";
/// Node 24's frames below `runNextTicks` between two timers of one list.
const TIMER_LIST_BELOW: &str =
    "listOnTimeout (node:internal/timers:644:9)\nprocess.processTimers (node:internal/timers:618:7)";
/// Node 24's frame below `runNextTicks` between two timer lists.
const TIMER_LISTS_BELOW: &str = "process.processTimers (node:internal/timers:615:9)";
/// Node 24's frame below `runNextTicks` between two immediates.
const IMMEDIATES_BELOW: &str = "process.processImmediate (node:internal/timers:541:9)";
/// Node 24's frame below an immediate's callback.
const IMMEDIATE_FRAMES: &str = "process.processImmediate (node:internal/timers:574:21)";

/// `runNextTicks` running the microtasks itself (no tick queued).
const RUN_NEXT_TICKS_MICROTASKS: &str = "runNextTicks (node:internal/process/task_queues:65:5)";

/// The frames below a tick callback or a microtask run by `processTicksAndRejections` at
/// `pos` (`line:column` in `lib/internal/process/task_queues.js`): called by Node's C++ as
/// a method of `process`, or by `runNextTicks` between two timers or immediates (`below`).
fn process_ticks_frame(below: Option<&str>, pos: &str) -> String {
    match below {
        None => {
            format!("process.processTicksAndRejections (node:internal/process/task_queues:{pos})")
        }
        Some(b) => format!(
            "processTicksAndRejections (node:internal/process/task_queues:{pos})\n\
             runNextTicks (node:internal/process/task_queues:69:3)\n{b}"
        ),
    }
}

/// Where `processTicksAndRejections` calls a tick's callback with `n` arguments.
fn tick_call_position(n: usize) -> &'static str {
    match n {
        0 => "85:11",
        1 => "89:21",
        2 => "90:21",
        3 => "91:21",
        4 => "92:21",
        _ => "93:22",
    }
}

/// Pushes Node's frames `frames` (`\n`-separated) below what `f` runs.
fn with_host_frames<R>(
    it: &mut Interp,
    frames: Option<&str>,
    f: impl FnOnce(&mut Interp) -> R,
) -> R {
    let Some(frames) = frames else {
        return f(it);
    };
    it.stack.push(jsgen_engine::interp::StackEntry {
        method_call: None,
        construct: false,
        next_below: false,
        name: jsgen_engine::string::JsStr::intern(frames),
        pos: Default::default(),
        source: 0,
        kind: jsgen_engine::interp::FrameKind::HostEntry,
    });
    let r = f(it);
    it.stack.pop();
    r
}

trait TickDrain {
    /// Runs the nextTick queue until it is empty, each callback below Node's
    /// `processTicksAndRejections` frame.
    fn run_next_ticks_below(
        &mut self,
        below: Option<&'static str>,
        on_error: &mut ErrorPolicy,
    ) -> Option<LoopEnd>;
    /// Runs the microtask queue below `frames`; a throwing microtask goes to `on_error` and
    /// the drain goes on (as V8 does) unless it ends the loop.
    fn run_microtasks_below(
        &mut self,
        frames: Option<&str>,
        on_error: &mut ErrorPolicy,
    ) -> Option<LoopEnd>;
}

impl TickDrain for Interp {
    fn run_next_ticks_below(
        &mut self,
        below: Option<&'static str>,
        on_error: &mut ErrorPolicy,
    ) -> Option<LoopEnd> {
        while let Some(tick) = self.node_mut().host.next_ticks.pop_front() {
            let saved = self
                .node_mut()
                .timers
                .enter_async_scope(tick.async_id, tick.trigger);
            let saved_context = std::mem::replace(&mut self.continuation_data, tick.context);
            let argc = match &tick.kind {
                crate::process::TickKind::Call(_, args) => args.len(),
                crate::process::TickKind::AfterWrite(..) => 1,
            };
            let frames = process_ticks_frame(below, tick_call_position(argc));
            let r = with_host_frames(self, Some(&frames), |it| it.run_tick(tick.kind));
            self.continuation_data = saved_context;
            self.node_mut().timers.exit_async_scope(saved);
            if let Err(e) = r {
                if let Some(end) = on_error(self, e) {
                    return Some(end);
                }
            }
        }
        None
    }

    fn run_microtasks_below(
        &mut self,
        frames: Option<&str>,
        on_error: &mut ErrorPolicy,
    ) -> Option<LoopEnd> {
        while let Err(e) = with_host_frames(self, frames, |it| it.run_microtasks()) {
            if let Some(end) = on_error(self, e) {
                return Some(end);
            }
        }
        if let Some(code) = self.exiting {
            return Some(LoopEnd::Exit(code));
        }
        None
    }
}

pub trait EventLoop {
    /// Node's `runNextTicks` (`lib/internal/process/task_queues.js`): runs the nextTick
    /// queue until it is empty (ticks queued by ticks run in the same drain).
    fn run_next_ticks(&mut self) -> Option<LoopEnd>;
    /// `run_next_ticks`, handing each throwing tick to `on_error` (which may end the loop).
    fn run_next_ticks_with(&mut self, on_error: &mut ErrorPolicy) -> Option<LoopEnd>;
    /// All ticks, then all microtasks, repeated until both queues are empty (the first half
    /// of `processTicksAndRejections`). A throwing tick or microtask goes to `on_error` and
    /// the drain goes on unless it ends the loop.
    fn drain_ticks_and_microtasks(&mut self, on_error: &mut ErrorPolicy) -> Option<LoopEnd>;
    /// One turn's callbacks: every timer due now in (deadline, creation) order, then the
    /// immediates queued before the check phase. After each callback `after` gets its result
    /// (it runs the checkpoint and may end the loop). Returns whether anything ran.
    fn run_due_callbacks(
        &mut self,
        after: &mut dyn FnMut(
            &mut Interp,
            jsgen_engine::interp::JsResult<Value>,
        ) -> Option<LoopEnd>,
    ) -> Result<bool, LoopEnd>;
    /// Node's `processTicksAndRejections`, run after the script and after every macrotask:
    /// all ticks, then all microtasks (V8 drains the whole queue, so ticks queued by a
    /// microtask wait for the drain to finish), repeated until both queues are empty; then
    /// the unhandled-rejection check, whose handlers may queue more work.
    fn process_ticks_and_rejections(&mut self, mode: RejectionMode) -> Option<LoopEnd>;
    /// An unhandled rejection: `process.on('unhandledRejection')` listeners get
    /// `(reason, promise)`; without one, the mode decides (`throw`: an uncaught exception,
    /// which `'uncaughtException'` listeners may still handle).
    fn unhandled_rejection(
        &mut self,
        mode: RejectionMode,
        promise: jsgen_engine::object::Obj,
        reason: Value,
    ) -> Option<LoopEnd>;
    /// `'rejectionHandled'` for a rejection reported as unhandled that got a handler.
    fn rejection_handled(&mut self, promise: jsgen_engine::object::Obj) -> Option<LoopEnd>;
    /// An exception escaped a callback: `process.on('uncaughtException')` listeners get
    /// `(error, origin)` and the program goes on; without one it ends. `None` = handled.
    fn uncaught(&mut self, e: Abrupt, origin: &str) -> Option<LoopEnd>;
    /// Runs the event loop until no work is left.
    fn run_event_loop(&mut self, mode: RejectionMode) -> LoopEnd;
    /// Lets `wait` milliseconds pass: sleeps on the runtime, or skips them in virtual time.
    fn let_time_pass(&mut self, rt: &tokio::runtime::Runtime, wait: f64);
    /// The REPL's microtask checkpoint: like [`EventLoop::process_ticks_and_rejections`] but nothing ends the loop;
    /// every uncaught exception and unhandled rejection is handed to `report` instead.
    fn repl_checkpoint(&mut self, report: &mut dyn FnMut(&mut Interp, LoopError));
    /// Runs microtasks, then every timer due now and the immediates, repeating while that
    /// made more work due; never waits. For the REPL, between entries and while waiting for
    /// input. Errors go to `report` and the loop goes on (as in Node's REPL).
    fn run_due(&mut self, report: &mut dyn FnMut(&mut Interp, LoopError));
    /// How long until the next timer is due (zero when an immediate is queued); `None` when
    /// no timer or immediate exists. Unreferenced timers count: the REPL keeps the process
    /// alive anyway, as Node's does.
    fn time_to_next_timer(&self) -> Option<Duration>;
}

impl EventLoop for Interp {
    fn run_next_ticks(&mut self) -> Option<LoopEnd> {
        self.run_next_ticks_with(&mut |it, e| it.uncaught(e, "uncaughtException"))
    }

    fn run_next_ticks_with(&mut self, on_error: &mut ErrorPolicy) -> Option<LoopEnd> {
        self.run_next_ticks_below(None, on_error)
    }

    fn drain_ticks_and_microtasks(&mut self, on_error: &mut ErrorPolicy) -> Option<LoopEnd> {
        // Node (`InternalCallbackScope::Close`, `runNextTicks`): with no tick queued and no
        // rejection to warn about, the microtasks run first (from C++, or from
        // `runNextTicks` between two timers); then, if ticks are queued,
        // `processTicksAndRejections` runs ticks and microtasks until both are empty.
        let below = self.node_mut().host.checkpoint_below.take();
        if std::mem::take(&mut self.node_mut().host.microtasks_first) {
            if let Some(end) = self.run_microtasks_below(None, on_error) {
                return Some(end);
            }
        }
        if self.node_mut().host.next_ticks.is_empty() && !self.has_unhandled_rejections() {
            let frames = below.map(|b| format!("{RUN_NEXT_TICKS_MICROTASKS}\n{b}"));
            if let Some(end) = self.run_microtasks_below(frames.as_deref(), on_error) {
                return Some(end);
            }
            if self.node_mut().host.next_ticks.is_empty() {
                return None;
            }
        }
        loop {
            if let Some(end) = self.run_next_ticks_below(below, on_error) {
                return Some(end);
            }
            let frames = process_ticks_frame(below, "104:5");
            if let Some(end) = self.run_microtasks_below(Some(&frames), on_error) {
                return Some(end);
            }
            if self.node_mut().host.next_ticks.is_empty() {
                return None;
            }
        }
    }

    fn run_due_callbacks(
        &mut self,
        after: &mut dyn FnMut(
            &mut Interp,
            jsgen_engine::interp::JsResult<Value>,
        ) -> Option<LoopEnd>,
    ) -> Result<bool, LoopEnd> {
        // Timers phase.
        let now = self.node_mut().timers.update_loop_time();
        let mut ran = false;
        while let Some(((id, cb, args, repeats, this, delay), (context, trigger))) =
            self.node_mut().timers.pop_due(now)
        {
            ran = true;
            // What the Timeout object shows (its list, `_destroyed`) changes as in Node's
            // `listOnTimeout`, which also reads the callback and arguments off the object.
            let (cb, args, start) = match crate::timers::timeout_firing(self, &this) {
                Ok(crate::timers::Firing::Call(cb, args, start)) => (cb, args, Some(start)),
                Ok(crate::timers::Firing::Skip) => {
                    self.node_mut().timers.clear(id);
                    continue;
                }
                Ok(crate::timers::Firing::Scheduled) | Err(_) => (cb, args, None),
            };
            let saved = self.node_mut().timers.enter_async_scope(id, trigger);
            let saved_context = std::mem::replace(&mut self.continuation_data, context);
            let r = call_from_host(self, &cb, &this, &args, "_onTimeout", TIMER_FRAMES);
            self.continuation_data = saved_context;
            self.node_mut().timers.exit_async_scope(saved);
            if let Some(start) = start {
                crate::timers::timeout_fired(self, &this, start, now);
            }
            if repeats {
                self.node_mut().timers.rearm(id);
            }
            // Another timer due now: Node's `listOnTimeout` (same delay, same list) or
            // `processTimers` (the next list) calls `runNextTicks` before it.
            self.node_mut().host.checkpoint_below = match self.node_mut().timers.peek_due_delay(now)
            {
                Some(d) if d == delay => Some(TIMER_LIST_BELOW),
                Some(_) => Some(TIMER_LISTS_BELOW),
                None => None,
            };
            if let Some(end) = after(self, r) {
                return Err(end);
            }
        }
        // Poll phase: completed I/O requests, in completion order, then the message ports'
        // deliveries queued before it.
        match crate::io::run_completions(self, after) {
            Ok(r) => ran |= r,
            Err(end) => return Err(end),
        }
        let n = self.node_mut().timers.poll_callbacks.len();
        for _ in 0..n {
            let Some((f, context, _)) = self.node_mut().timers.poll_callbacks.pop_front() else {
                break;
            };
            ran = true;
            let saved_context = std::mem::replace(&mut self.continuation_data, context);
            let r = self.call(&f, &Value::Undefined, &[]);
            self.continuation_data = saved_context;
            if let Some(end) = after(self, r) {
                return Err(end);
            }
        }
        // Check phase: immediates queued before this phase. Node takes its whole list, so
        // immediates set from now on start a new one.
        let n = self.node_mut().timers.immediates.len();
        if n > 0 {
            self.node_mut().timers.immediate_tail = None;
        }
        for i in 0..n {
            let Some(e) = self.node_mut().timers.immediates.pop_front() else {
                break;
            };
            ran = true;
            crate::timers::immediate_running(self, &e.this);
            let saved = self.node_mut().timers.enter_async_scope(e.id, e.trigger);
            let saved_context = std::mem::replace(&mut self.continuation_data, e.context);
            let r = call_from_host(
                self,
                &e.callback,
                &e.this,
                &e.args,
                "_onImmediate",
                IMMEDIATE_FRAMES,
            );
            self.continuation_data = saved_context;
            self.node_mut().timers.exit_async_scope(saved);
            crate::timers::immediate_ran(&e.this);
            // Node's `processImmediate` calls `runNextTicks` before each further immediate.
            self.node_mut().host.checkpoint_below = (i + 1 < n).then_some(IMMEDIATES_BELOW);
            if let Some(end) = after(self, r) {
                return Err(end);
            }
        }
        Ok(ran)
    }

    fn process_ticks_and_rejections(&mut self, mode: RejectionMode) -> Option<LoopEnd> {
        loop {
            if let Some(end) =
                self.drain_ticks_and_microtasks(&mut |it, e| it.uncaught(e, "uncaughtException"))
            {
                return Some(end);
            }
            // Node's processPromiseRejections: first the rejections handled late.
            for promise in self.take_late_handled_rejections() {
                if let Some(end) = self.rejection_handled(promise) {
                    return Some(end);
                }
            }
            let rejected = self.take_unhandled_rejections();
            if rejected.is_empty() {
                // The job is over: WeakRef targets kept for it may go (ClearKeptObjects), and
                // FinalizationRegistry cleanups due after a collection run.
                self.clear_kept_objects();
                let cleanups = self.take_finalization_cleanups();
                if cleanups.is_empty() {
                    // A 'rejectionHandled' handler or warning may have queued work.
                    if !self.node_mut().host.next_ticks.is_empty() || self.has_pending_jobs() {
                        continue;
                    }
                    return None;
                }
                for (callback, held) in cleanups {
                    if let Err(e) = self.call(&callback, &Value::Undefined, &[held]) {
                        if let Some(end) = self.uncaught(e, "uncaughtException") {
                            return Some(end);
                        }
                    }
                }
                continue;
            }
            for (promise, reason) in rejected {
                if let Some(end) = self.unhandled_rejection(mode, promise, reason) {
                    return Some(end);
                }
            }
            if self.node_mut().host.next_ticks.is_empty() && !self.has_pending_jobs() {
                return None;
            }
        }
    }

    fn rejection_handled(&mut self, promise: jsgen_engine::object::Obj) -> Option<LoopEnd> {
        let reported = &mut self.node_mut().host.reported_rejections;
        reported.retain(|(w, _)| w.upgrade().is_some());
        let pos = reported.iter().position(|(w, _)| {
            w.upgrade()
                .is_some_and(|g| jsgen_engine::gc::Gc::ptr_eq(&g, &promise.0))
        })?;
        let (_, id) = reported.remove(pos);
        match self.emit_process_event("rejectionHandled", &[Value::Object(promise)]) {
            Ok(true) => None,
            Ok(false) => {
                crate::process::queue_warning(
                    self,
                    "PromiseRejectionHandledWarning",
                    &format!("Promise rejection was handled asynchronously (rejection id: {id})"),
                );
                None
            }
            Err(e) => self.uncaught(e, "uncaughtException"),
        }
    }

    fn unhandled_rejection(
        &mut self,
        mode: RejectionMode,
        promise: jsgen_engine::object::Obj,
        reason: Value,
    ) -> Option<LoopEnd> {
        let host = &mut self.node_mut().host;
        host.last_rejection_id += 1;
        let id = host.last_rejection_id;
        host.reported_rejections.push((promise.0.downgrade(), id));
        if mode != RejectionMode::Strict && self.has_process_listeners("unhandledRejection") {
            let args = [reason, Value::Object(promise)];
            if let Err(e) = self.emit_process_event("unhandledRejection", &args) {
                return self.uncaught(e, "uncaughtException");
            }
            return None;
        }
        match mode {
            RejectionMode::Throw | RejectionMode::Strict => {
                if self.has_process_listeners("uncaughtException") {
                    return self.uncaught(Abrupt::Throw(reason), "unhandledRejection");
                }
                if let Err(v2) = uncaught_exception_monitor(self, &reason, "unhandledRejection") {
                    self.node_mut().host.fatal_handler_threw = true;
                    return Some(LoopEnd::Uncaught(v2));
                }
                Some(LoopEnd::UnhandledRejection(reason))
            }
            RejectionMode::Warn => {
                let s = crate::inspect::inspect(self, &reason).unwrap_or_default();
                self.node_mut()
                    .console
                    .write_err(&format!("(node) UnhandledPromiseRejectionWarning: {s}\n"));
                None
            }
            RejectionMode::None => None,
        }
    }

    fn uncaught(&mut self, e: Abrupt, origin: &str) -> Option<LoopEnd> {
        if let Some(code) = self.exiting {
            return Some(LoopEnd::Exit(code));
        }
        let Abrupt::Throw(v) = e else {
            return None;
        };
        if let Err(v2) = uncaught_exception_monitor(self, &v, origin) {
            self.node_mut().host.fatal_handler_threw = true;
            return Some(LoopEnd::Uncaught(v2));
        }
        if !self.has_process_listeners("uncaughtException") {
            return Some(LoopEnd::Uncaught(v));
        }
        match self.emit_process_event("uncaughtException", &[v, Value::from(origin)]) {
            Ok(_) => None,
            Err(_) if self.exiting.is_some() => Some(LoopEnd::Exit(self.exiting.unwrap_or(0))),
            // Node exits with 7 when an 'uncaughtException' handler throws.
            Err(Abrupt::Throw(v2)) => {
                self.node_mut().host.fatal_handler_threw = true;
                Some(LoopEnd::Uncaught(v2))
            }
            Err(_) => None,
        }
    }

    fn run_event_loop(&mut self, mode: RejectionMode) -> LoopEnd {
        if let Some(end) = self.process_ticks_and_rejections(mode) {
            return end;
        }
        let rt = match tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
        {
            Ok(rt) => rt,
            Err(_) => return LoopEnd::Done,
        };
        // Node's first loop iteration starts after its bootstrap finished, in practice more
        // than 1 ms after the main script set its timers, so a `setTimeout(f, 0)` (1 ms) from
        // the main script runs before a `setImmediate` (reference notes §7.1). Model that: a
        // timer due within the first millisecond is waited for before the first iteration.
        if let Some(deadline) = self.node_mut().timers.next_deadline() {
            let wait = deadline - self.node_mut().timers.now();
            if wait > 0.0 && wait <= 1.0 && self.node_mut().timers.has_refed_work() {
                self.let_time_pass(&rt, wait);
            }
        }
        loop {
            if !loop_alive(self) {
                return LoopEnd::Done;
            }
            if let Some(code) = self.exiting {
                return LoopEnd::Exit(code);
            }
            let ran = match self.run_due_callbacks(&mut |it, r| {
                if let Err(e) = r {
                    if let Some(end) = it.uncaught(e, "uncaughtException") {
                        return Some(end);
                    }
                }
                it.process_ticks_and_rejections(mode)
            }) {
                Ok(ran) => ran,
                Err(end) => return end,
            };
            if ran
                || !self.node_mut().timers.immediates.is_empty()
                || self.node_mut().timers.poll_callbacks.iter().any(|p| p.2)
            {
                continue;
            }
            // Nothing due: wait for the next deadline or I/O completion.
            let Some(deadline) = self.node_mut().timers.next_deadline() else {
                if self.node().io.has_refed() {
                    wait_for_io(self, None);
                    continue;
                }
                return LoopEnd::Done;
            };
            if !loop_alive(self) {
                return LoopEnd::Done;
            }
            let wait = deadline - self.node_mut().timers.now();
            if self.node().io.has_refed() && self.node().timers.virtual_time {
                // Virtual time skips no time while I/O is pending: the I/O finishes first.
                wait_for_io(self, None);
                continue;
            }
            if wait > 0.0 {
                if self.node().io.has_any() {
                    wait_for_io(self, Some(wait));
                } else {
                    self.let_time_pass(&rt, wait);
                }
            }
        }
    }

    fn let_time_pass(&mut self, rt: &tokio::runtime::Runtime, wait: f64) {
        flush_stdout();
        if self.node_mut().timers.virtual_time {
            self.node_mut().timers.skipped += wait;
        } else {
            let mut d = Duration::from_secs_f64(wait / 1000.0);
            // Never sleep past the run's deadline: the watchdog ends the run there.
            if let Some(deadline) = self.node().timers.deadline {
                d = d.min(deadline.saturating_duration_since(Instant::now()));
            }
            rt.block_on(async move { tokio::time::sleep(d).await });
        }
        if self
            .node()
            .timers
            .deadline
            .is_some_and(|d| Instant::now() >= d)
        {
            // The watchdog's flag; the loop sees `exiting` at its next turn.
            let code = self
                .terminate_code
                .load(std::sync::atomic::Ordering::Relaxed);
            if code != 0 {
                self.exiting = Some(code);
            }
        }
    }
    fn repl_checkpoint(&mut self, report: &mut dyn FnMut(&mut Interp, LoopError)) {
        let _ = self.drain_ticks_and_microtasks(&mut |it, e| {
            if let Abrupt::Throw(v) = e {
                report(it, LoopError::Uncaught(v));
            }
            None
        });
        for (_, reason) in self.take_unhandled_rejections() {
            report(self, LoopError::UnhandledRejection(reason));
        }
    }

    fn run_due(&mut self, report: &mut dyn FnMut(&mut Interp, LoopError)) {
        self.repl_checkpoint(report);
        loop {
            let ran = self.run_due_callbacks(&mut |it, r| {
                if let Err(Abrupt::Throw(v)) = r {
                    report(it, LoopError::Uncaught(v));
                }
                it.repl_checkpoint(report);
                None
            });
            if !matches!(ran, Ok(true)) {
                return;
            }
        }
    }

    fn time_to_next_timer(&self) -> Option<Duration> {
        if !self.node().timers.immediates.is_empty() {
            return Some(Duration::ZERO);
        }
        let deadline = self.node().timers.next_deadline()?;
        let wait = (deadline - self.node().timers.now()).max(0.0);
        Some(Duration::from_secs_f64(wait / 1000.0))
    }
}

/// Whether the loop has work that keeps the process alive: ref'd timers and immediates,
/// ref'd I/O requests.
/// `process.emit('uncaughtExceptionMonitor', error, origin)`, which Node's
/// `_fatalException` does first for every uncaught exception and unhandled rejection (origin
/// `'uncaughtException'` or `'unhandledRejection'`), handled or not. `Err` carries what a
/// monitor threw, which then is the uncaught exception.
pub fn uncaught_exception_monitor(it: &mut Interp, v: &Value, origin: &str) -> Result<(), Value> {
    if !it.has_process_listeners("uncaughtExceptionMonitor") {
        return Ok(());
    }
    match it.emit_process_event(
        "uncaughtExceptionMonitor",
        &[v.clone(), Value::from(origin)],
    ) {
        Err(Abrupt::Throw(v2)) if it.exiting.is_none() => Err(v2),
        _ => Ok(()),
    }
}

pub fn loop_alive(it: &Interp) -> bool {
    it.node().timers.has_refed_work() || it.node().io.has_refed()
}

/// Waits (in real time) for an I/O completion, at most `ms` milliseconds (None: until one
/// arrives), never past the run's deadline.
/// Writes out what the process's stdout buffer holds.
fn flush_stdout() {
    use std::io::Write;
    let _ = std::io::stdout().flush();
}

fn wait_for_io(it: &mut Interp, ms: Option<f64>) {
    // Output without a newline (a prompt, a progress line) is on the screen before the loop
    // blocks: Node writes to a terminal synchronously; Rust's stdout is line-buffered.
    flush_stdout();
    let mut d = ms.map(|ms| Duration::from_secs_f64(ms.max(0.0) / 1000.0));
    if let Some(deadline) = it.node().timers.deadline {
        let left = deadline.saturating_duration_since(Instant::now());
        d = Some(d.map_or(left, |d| d.min(left)));
    }
    it.node_mut().io.collect(d);
    if it
        .node()
        .timers
        .deadline
        .is_some_and(|d| Instant::now() >= d)
    {
        let code = it.terminate_code.load(std::sync::atomic::Ordering::Relaxed);
        if code != 0 {
            it.exiting = Some(code);
        }
    }
}

/// What to do with an exception that escaped a tick or a microtask: `Some` ends the loop.
type ErrorPolicy<'a> = dyn FnMut(&mut Interp, Abrupt) -> Option<LoopEnd> + 'a;

/// Something that went wrong while the REPL ran the loop in between entries.
pub enum LoopError {
    /// An exception escaped a timer or immediate callback (or a microtask).
    Uncaught(Value),
    /// A promise was rejected and nobody handled it by the end of the checkpoint.
    UnhandledRejection(Value),
}
