//! Asynchronous I/O off the interpreter thread, completing on the event loop.
//!
//! A small pool of worker threads (as libuv's threadpool: four) runs blocking jobs (file
//! system calls, reads of stdin). Each job is a request with an id; its result comes back on a
//! channel and waits in `ready` until the loop's poll phase (after the timers, before the
//! immediates, as in Node) calls the request's JavaScript callback. A pending request keeps
//! the process alive like a ref'd handle unless it was unref'd (a paused stdin read).
//!
//! Virtual time: while a ref'd request is pending the loop waits for it in real time before
//! skipping to the next timer, so I/O completes before any later timer, as it does in Node
//! for the short waits of ordinary file I/O.
//!
//! Completion order: libuv's four threads finish quick jobs in about the order they were
//! queued, and a poll phase usually finds every job queued before it done, so Node calls
//! them back in submission order (`fs.readFile(p, cb)` then `fs.promises.readFile(p)`: the
//! callback first, every time). Here the threads race the interpreter: a job queued while
//! the loop was busy could miss a poll phase that an older one made, putting its chain a trip
//! ahead. So a poll phase first waits (up to [`POLL_BARRIER`]) for the quick jobs queued before
//! it, then calls back what is done in submission order. A job that may block for long (a
//! read of stdin or a pipe, a child process) is not quick: nothing waits for it.

use std::collections::VecDeque;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::fs::{FsError, Out};
use crate::prelude::*;
use jsgen_engine::interp::{Interp, JsResult};
use jsgen_engine::value::Value;

/// What a job produces.
pub type Completion = Result<Out, FsError>;
/// A blocking job for the pool.
pub type Job = Box<dyn FnOnce() -> Completion + Send>;

const POOL_SIZE: usize = 4;

/// How long a poll phase waits at most for the quick jobs queued before it.
const POLL_BARRIER: Duration = Duration::from_millis(50);

/// One request waiting for its job.
struct Pending {
    id: u64,
    callback: Value,
    refed: bool,
    /// A job that finishes soon (a file system call on a file): poll phases wait for it.
    quick: bool,
    /// The continuation data (AsyncContextFrame) current when the request was made.
    context: Value,
}

/// The I/O state of a run (in [`crate::NodeState`]).
#[derive(Default)]
pub struct IoState {
    jobs: Option<Sender<(u64, Job)>>,
    results: Option<Receiver<(u64, Completion)>>,
    /// Requests not yet called back, by id (ids grow, so this is submission order): a
    /// script may have thousands in flight, each completion removes one.
    pending: std::collections::BTreeMap<u64, Pending>,
    /// How many of `pending` are ref'd.
    refed: usize,
    /// Completed requests, in completion order, for the next poll phase.
    ready: VecDeque<(u64, Completion)>,
    next_id: u64,
}

impl IoState {
    fn start_pool(&mut self) {
        if self.jobs.is_some() {
            return;
        }
        let (job_tx, job_rx) = channel::<(u64, Job)>();
        let (res_tx, res_rx) = channel::<(u64, Completion)>();
        let job_rx = Arc::new(Mutex::new(job_rx));
        for i in 0..POOL_SIZE {
            let job_rx = job_rx.clone();
            let res_tx = res_tx.clone();
            let _ = std::thread::Builder::new()
                .name(format!("jsgen-io-{i}"))
                .spawn(move || loop {
                    let next = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((id, job)) = next else { return };
                    if res_tx.send((id, job())).is_err() {
                        return;
                    }
                });
        }
        self.jobs = Some(job_tx);
        self.results = Some(res_rx);
    }

    /// Whether a ref'd request is pending (the loop stays alive).
    pub fn has_refed(&self) -> bool {
        self.refed > 0
    }

    /// Whether any request is pending or completed but not yet called back.
    pub fn has_any(&self) -> bool {
        !self.pending.is_empty() || !self.ready.is_empty()
    }

    /// Moves finished jobs to `ready`; waits up to `timeout` for the first (None: forever,
    /// zero: not at all). Returns whether anything arrived.
    pub fn collect(&mut self, timeout: Option<Duration>) -> bool {
        let Some(rx) = &self.results else {
            return false;
        };
        let mut got = false;
        let first = match timeout {
            Some(d) if d.is_zero() => rx.try_recv().ok(),
            Some(d) => match rx.recv_timeout(d) {
                Ok(r) => Some(r),
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => None,
            },
            None => rx.recv().ok(),
        };
        if let Some(r) = first {
            self.ready.push_back(r);
            got = true;
        }
        while let Ok(r) = rx.try_recv() {
            self.ready.push_back(r);
            got = true;
        }
        got
    }

    /// The poll phase's start: collects what is done, waiting up to [`POLL_BARRIER`] for the
    /// quick jobs queued so far, and puts the completions in submission order.
    fn await_quick_jobs(&mut self) {
        self.collect(Some(Duration::ZERO));
        // The quick jobs queued so far that have not finished (a set: a script may have
        // thousands of reads in flight).
        let mut waited: std::collections::HashSet<u64> = self
            .pending
            .values()
            .filter(|p| p.quick)
            .map(|p| p.id)
            .collect();
        for (id, _) in &self.ready {
            waited.remove(id);
        }
        let deadline = std::time::Instant::now() + POLL_BARRIER;
        let mut seen = self.ready.len();
        while !waited.is_empty() {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() || !self.collect(Some(left)) {
                break;
            }
            for (id, _) in self.ready.iter().skip(seen) {
                waited.remove(id);
            }
            seen = self.ready.len();
        }
        self.ready.make_contiguous().sort_by_key(|(id, _)| *id);
    }

    /// Marks request `id` as not keeping the process alive (or again keeping it).
    pub fn set_ref(&mut self, id: u64, refed: bool) {
        if let Some(p) = self.pending.get_mut(&id) {
            if p.refed != refed {
                p.refed = refed;
                if refed {
                    self.refed += 1;
                } else {
                    self.refed -= 1;
                }
            }
        }
    }
}

/// Queues `job` (a quick one: see the module notes) on the pool; `callback(err, value)` runs
/// in a later poll phase. Returns the request id.
pub fn submit(it: &mut Interp, callback: Value, job: Job) -> u64 {
    submit_as(it, callback, job, true)
}

/// [`submit`] for a job that may take long (a read of a pipe, a child process).
pub fn submit_slow(it: &mut Interp, callback: Value, job: Job) -> u64 {
    submit_as(it, callback, job, false)
}

fn submit_as(it: &mut Interp, callback: Value, job: Job, quick: bool) -> u64 {
    let context = it.continuation_data.clone();
    let io = &mut it.node_mut().io;
    io.start_pool();
    io.next_id += 1;
    let id = io.next_id;
    io.pending.insert(
        id,
        Pending {
            id,
            callback,
            refed: true,
            quick,
            context,
        },
    );
    io.refed += 1;
    if let Some(tx) = &io.jobs {
        let _ = tx.send((id, job));
    }
    id
}

/// The poll phase: calls back every completed request, each followed by `after` (the
/// microtask checkpoint; `Some` ends the loop). Returns whether anything ran.
pub fn run_completions(
    it: &mut Interp,
    after: &mut dyn FnMut(&mut Interp, JsResult<Value>) -> Option<crate::event_loop::LoopEnd>,
) -> Result<bool, crate::event_loop::LoopEnd> {
    it.node_mut().io.await_quick_jobs();
    let mut ran = false;
    let n = it.node().io.ready.len();
    for _ in 0..n {
        let Some((id, result)) = it.node_mut().io.ready.pop_front() else {
            break;
        };
        let io = &mut it.node_mut().io;
        let Some(p) = io.pending.remove(&id) else {
            continue;
        };
        if p.refed {
            io.refed -= 1;
        }
        ran = true;
        let saved = std::mem::replace(&mut it.continuation_data, p.context);
        let r = call_back(it, &p.callback, result);
        it.continuation_data = saved;
        if let Some(end) = after(it, r) {
            return Err(end);
        }
    }
    Ok(ran)
}

fn call_back(it: &mut Interp, callback: &Value, result: Completion) -> JsResult<Value> {
    let args = match result {
        Ok(out) => {
            let v = crate::fs::out_to_js(it, out)?;
            vec![Value::Null, v]
        }
        Err(e) => vec![crate::fs::fs_error(it, &e)],
    };
    it.call(callback, &Value::Undefined, &args)
}
