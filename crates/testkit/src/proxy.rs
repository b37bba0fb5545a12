//! A loopback TCP proxy for fault tests: sits between the console's client
//! and the real server and breaks the connection on command, at run time.
//!
//! What it can do (any mix; [`Proxy::heal`] goes back to pass-through):
//! - delay every chunk, per direction ([`Proxy::set_delay`]), or every new
//!   connection ([`Proxy::set_connect_delay`]);
//! - blackhole ([`Proxy::blackhole`]): connections are accepted (and live ones
//!   kept open) but nothing is forwarded any more, until the client gives up;
//! - refuse ([`Proxy::refuse`]): the listening socket is closed, so connecting
//!   fails with "connection refused", and live connections are reset;
//! - reset every live connection now ([`Proxy::reset_all`]);
//! - per exchange (a request and its answer), with a probability
//!   ([`Proxy::fault_answers`]) or for the next N answers
//!   ([`Proxy::fault_next_answers`]):
//!   - [`AnswerFault::CutAfterApply`]: the request went to the server whole
//!     and the server answered (so it applied it), but the answer is dropped
//!     and the client's connection closed: the client never hears back;
//!   - [`AnswerFault::Reset`]: the same, closed with a TCP reset;
//!   - [`AnswerFault::CutMidBody`]: the head and half of the body reach the
//!     client, then the connection closes;
//! - cut requests half-way (the server never gets them whole), with a
//!   probability ([`Proxy::reset_requests`]).
//!
//! The proxy knows nothing of HTTP except two things: an "exchange" starts when
//! the client speaks after the server did (true for HTTP/1.1 without
//! pipelining, which is what reqwest does), and [`AnswerFault::CutMidBody`]
//! looks for the blank line that ends the head so it cuts in the body.
//! [`Proxy::spare_requests`] / [`Proxy::only_requests`] pick which exchanges
//! the per-exchange faults may hit, by the first bytes of the request (e.g.
//! `b"PATCH "`); an exchange in progress that is spared also finishes before
//! a blackhole, refuse or reset takes its connection (new requests are
//! stopped all the same).
#![allow(dead_code)]

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// What happens to one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerFault {
    /// The server applied the request and answered; the client gets nothing
    /// and its connection is closed (FIN).
    CutAfterApply,
    /// Like [`AnswerFault::CutAfterApply`] but the client's connection is
    /// reset (RST).
    Reset,
    /// The head and part of the body are delivered, then the connection
    /// closes.
    CutMidBody,
}

/// Counters, to check that a scenario really hit what it meant to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProxyStats {
    pub connections: u64,
    pub exchanges: u64,
    pub cut_after_apply: u64,
    pub resets: u64,
    pub cut_mid_body: u64,
    pub requests_cut: u64,
    pub blackholed: u64,
    /// Live connections closed by `refuse` / `reset_all`.
    pub killed: u64,
}

#[derive(Default)]
struct Counters {
    connections: AtomicU64,
    exchanges: AtomicU64,
    cut_after_apply: AtomicU64,
    resets: AtomicU64,
    cut_mid_body: AtomicU64,
    requests_cut: AtomicU64,
    blackholed: AtomicU64,
    killed: AtomicU64,
}

#[derive(Clone, Default)]
struct Config {
    refuse: bool,
    blackhole: bool,
    connect_delay: Duration,
    /// Client → server, per chunk.
    up_delay: Duration,
    /// Server → client, per chunk.
    down_delay: Duration,
    answer_fault: Option<(AnswerFault, f64)>,
    next_answers: VecDeque<AnswerFault>,
    request_cut: f64,
    /// Exchanges whose request starts with one of these are never faulted.
    spare: Vec<Vec<u8>>,
    /// If not empty: only exchanges whose request starts with one of these
    /// are faulted.
    only: Vec<Vec<u8>>,
}

impl Config {
    fn targets(&self, request_start: &[u8]) -> bool {
        if self.spare.iter().any(|p| request_start.starts_with(p)) {
            return false;
        }
        self.only.is_empty() || self.only.iter().any(|p| request_start.starts_with(p))
    }
}

struct Inner {
    addr: SocketAddr,
    upstream: SocketAddr,
    config: Mutex<Config>,
    rng: Mutex<StdRng>,
    /// Bumped to make every live connection check whether it must die.
    kill: watch::Sender<u64>,
    listener: Mutex<Option<JoinHandle<()>>>,
    counters: Counters,
}

/// A running proxy; stops when dropped.
pub struct Proxy {
    inner: Arc<Inner>,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        if let Some(task) = self.inner.listener.lock().unwrap().take() {
            task.abort();
        }
        self.inner.config.lock().unwrap().refuse = true;
        self.inner.kill.send_modify(|g| *g += 1);
    }
}

impl Proxy {
    /// A pass-through proxy on 127.0.0.1 (a free port) to `upstream`.
    pub async fn start(upstream: SocketAddr) -> Proxy {
        Proxy::start_seeded(upstream, rand::random()).await
    }

    /// Same, with a fixed seed for the fault dice.
    pub async fn start_seeded(upstream: SocketAddr, seed: u64) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("proxy binds");
        let addr = listener.local_addr().unwrap();
        let (kill, _) = watch::channel(0u64);
        let inner = Arc::new(Inner {
            addr,
            upstream,
            config: Mutex::new(Config::default()),
            rng: Mutex::new(StdRng::seed_from_u64(seed)),
            kill,
            listener: Mutex::new(None),
            counters: Counters::default(),
        });
        let task = tokio::spawn(accept_loop(inner.clone(), listener));
        *inner.listener.lock().unwrap() = Some(task);
        Proxy { inner }
    }

    pub fn addr(&self) -> SocketAddr {
        self.inner.addr
    }

    /// `http://127.0.0.1:<port>`: give this to the client under test.
    pub fn url(&self) -> String {
        format!("http://{}", self.inner.addr)
    }

    pub fn stats(&self) -> ProxyStats {
        let c = &self.inner.counters;
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        ProxyStats {
            connections: get(&c.connections),
            exchanges: get(&c.exchanges),
            cut_after_apply: get(&c.cut_after_apply),
            resets: get(&c.resets),
            cut_mid_body: get(&c.cut_mid_body),
            requests_cut: get(&c.requests_cut),
            blackholed: get(&c.blackholed),
            killed: get(&c.killed),
        }
    }

    fn with_config(&self, f: impl FnOnce(&mut Config)) {
        f(&mut self.inner.config.lock().unwrap());
    }

    /// Back to pass-through: no faults, no delays, listening again. Request
    /// filters (`spare_requests`, `only_requests`) stay.
    pub async fn heal(&self) {
        self.with_config(|c| {
            let spare = std::mem::take(&mut c.spare);
            let only = std::mem::take(&mut c.only);
            *c = Config {
                spare,
                only,
                ..Config::default()
            };
        });
        self.listen().await;
    }

    /// Delays every chunk going up (client → server) and down.
    pub fn set_delay(&self, up: Duration, down: Duration) {
        self.with_config(|c| {
            c.up_delay = up;
            c.down_delay = down;
        });
    }

    /// Delays every new connection before it is connected upstream.
    pub fn set_connect_delay(&self, delay: Duration) {
        self.with_config(|c| c.connect_delay = delay);
    }

    /// Stops forwarding anything, on new and live connections (a live
    /// connection in a spared exchange finishes that exchange first). Bytes
    /// a blackholed connection carries are dropped for good: it never
    /// recovers, the client has to give up on it.
    pub fn blackhole(&self) {
        self.with_config(|c| c.blackhole = true);
    }

    /// Closes the listening socket (connecting fails) and resets every live
    /// connection (one in a spared exchange finishes that exchange first).
    pub fn refuse(&self) {
        self.with_config(|c| c.refuse = true);
        if let Some(task) = self.inner.listener.lock().unwrap().take() {
            task.abort();
        }
        self.inner.kill.send_modify(|g| *g += 1);
    }

    /// Resets every live connection now (spared exchanges finish first);
    /// new connections work.
    pub fn reset_all(&self) {
        // A one-off: connections compare against the generation they saw.
        self.inner.kill.send_modify(|g| *g += 1);
    }

    /// Each answer meets `fault` with `probability` (0 turns it off).
    pub fn fault_answers(&self, fault: AnswerFault, probability: f64) {
        self.with_config(|c| {
            c.answer_fault = (probability > 0.0).then_some((fault, probability));
        });
    }

    /// The next `n` (targeted) answers meet `fault`.
    pub fn fault_next_answers(&self, fault: AnswerFault, n: usize) {
        self.with_config(|c| c.next_answers.extend(std::iter::repeat_n(fault, n)));
    }

    /// Answers still to be faulted by `fault_next_answers`.
    pub fn pending_answer_faults(&self) -> usize {
        self.inner.config.lock().unwrap().next_answers.len()
    }

    /// Each request is cut half-way (and the connection reset) with
    /// `probability`: the server never gets it whole.
    pub fn reset_requests(&self, probability: f64) {
        self.with_config(|c| c.request_cut = probability);
    }

    /// Exchanges whose request starts with `prefix` are never faulted.
    pub fn spare_requests(&self, prefix: &[u8]) {
        self.with_config(|c| c.spare.push(prefix.to_vec()));
    }

    /// Only exchanges whose request starts with `prefix` (or another prefix
    /// given this way) are faulted.
    pub fn only_requests(&self, prefix: &[u8]) {
        self.with_config(|c| c.only.push(prefix.to_vec()));
    }

    /// Removes the filters of `spare_requests` and `only_requests`.
    pub fn clear_request_filters(&self) {
        self.with_config(|c| {
            c.spare.clear();
            c.only.clear();
        });
    }

    async fn listen(&self) {
        {
            let slot = self.inner.listener.lock().unwrap();
            if slot.as_ref().is_some_and(|t| !t.is_finished()) {
                return;
            }
        }
        // Rebind the same port (SO_REUSEADDR is set by tokio on Unix).
        let mut tries = 0;
        let listener = loop {
            match TcpListener::bind(self.inner.addr).await {
                Ok(l) => break l,
                Err(e) => {
                    tries += 1;
                    assert!(
                        tries < 200,
                        "proxy cannot listen again on {}: {e}",
                        self.inner.addr
                    );
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            }
        };
        let task = tokio::spawn(accept_loop(self.inner.clone(), listener));
        *self.inner.listener.lock().unwrap() = Some(task);
    }
}

async fn accept_loop(inner: Arc<Inner>, listener: TcpListener) {
    loop {
        let Ok((client, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(5)).await;
            continue;
        };
        if inner.config.lock().unwrap().refuse {
            // Raced with `refuse`: behave as if the port were closed.
            let _ = client.set_zero_linger();
            continue;
        }
        inner.counters.connections.fetch_add(1, Ordering::Relaxed);
        tokio::spawn(connection(inner.clone(), client));
    }
}

#[derive(PartialEq, Eq)]
enum Turn {
    /// Nothing sent yet, or the server spoke last.
    Idle,
    /// The client is sending a request.
    Request,
    /// The server is answering.
    Answer,
}

/// Resets both sides.
fn reset(client: &TcpStream, server: Option<&TcpStream>) {
    let _ = client.set_zero_linger();
    if let Some(s) = server {
        let _ = s.set_zero_linger();
    }
}

/// Discards whatever the client sends until it closes (or the proxy stops).
async fn hold(mut client: TcpStream, mut kill: watch::Receiver<u64>) {
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        tokio::select! {
            n = client.read(&mut buf) => match n {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            },
            changed = kill.changed() => if changed.is_err() { return },
        }
    }
}

async fn connection(inner: Arc<Inner>, client: TcpStream) {
    let _ = client.set_nodelay(true);
    let mut kill = inner.kill.subscribe();
    kill.borrow_and_update();
    let (connect_delay, blackhole) = {
        let c = inner.config.lock().unwrap();
        (c.connect_delay, c.blackhole)
    };
    if blackhole {
        inner.counters.blackholed.fetch_add(1, Ordering::Relaxed);
        return hold(client, kill).await;
    }
    if !connect_delay.is_zero() {
        tokio::time::sleep(connect_delay).await;
    }
    let server = match TcpStream::connect(inner.upstream).await {
        Ok(s) => s,
        Err(_) => {
            reset(&client, None);
            return;
        }
    };
    let _ = server.set_nodelay(true);
    pump(inner, client, server, kill).await;
}

/// Forwards both ways until either side closes or a fault ends it.
async fn pump(
    inner: Arc<Inner>,
    mut client: TcpStream,
    mut server: TcpStream,
    mut kill: watch::Receiver<u64>,
) {
    let mut cbuf = vec![0u8; 64 * 1024];
    let mut sbuf = vec![0u8; 64 * 1024];
    let mut turn = Turn::Idle;
    // Whether faults may hit the current exchange.
    let mut targeted = true;
    // The current exchange must finish first, then the connection dies.
    let mut doomed = false;
    // Blackholed: nothing is forwarded any more.
    let mut black = false;
    let mut client_open = true;
    loop {
        tokio::select! {
            changed = kill.changed() => {
                if changed.is_err() {
                    reset(&client, Some(&server));
                    return;
                }
                if targeted || turn == Turn::Idle {
                    inner.counters.killed.fetch_add(1, Ordering::Relaxed);
                    reset(&client, Some(&server));
                    return;
                }
                doomed = true;
            }
            n = client.read(&mut cbuf), if client_open => {
                let n = match n {
                    Ok(0) | Err(_) => {
                        // Client closed (or reset): pass the close on.
                        client_open = false;
                        let _ = server.shutdown().await;
                        if black {
                            return;
                        }
                        continue;
                    }
                    Ok(n) => n,
                };
                let chunk = &cbuf[..n];
                let (cfg, new_request) = {
                    let cfg = inner.config.lock().unwrap().clone();
                    (cfg, turn != Turn::Request)
                };
                if new_request {
                    turn = Turn::Request;
                    inner.counters.exchanges.fetch_add(1, Ordering::Relaxed);
                    targeted = cfg.targets(chunk);
                    if doomed {
                        inner.counters.killed.fetch_add(1, Ordering::Relaxed);
                        reset(&client, Some(&server));
                        return;
                    }
                    if cfg.blackhole || cfg.refuse {
                        // Nothing of a new request gets through, spared or not.
                        black = true;
                        inner.counters.blackholed.fetch_add(1, Ordering::Relaxed);
                    }
                    if targeted && !black && cfg.request_cut > 0.0 {
                        let roll: f64 = inner.rng.lock().unwrap().random();
                        if roll < cfg.request_cut {
                            inner.counters.requests_cut.fetch_add(1, Ordering::Relaxed);
                            let _ = server.write_all(&chunk[..n / 2]).await;
                            reset(&client, Some(&server));
                            return;
                        }
                    }
                } else if targeted && cfg.blackhole && !black {
                    black = true;
                    inner.counters.blackholed.fetch_add(1, Ordering::Relaxed);
                }
                if black {
                    continue;
                }
                if !cfg.up_delay.is_zero() {
                    tokio::time::sleep(cfg.up_delay).await;
                }
                if server.write_all(chunk).await.is_err() {
                    reset(&client, None);
                    return;
                }
            }
            n = server.read(&mut sbuf) => {
                let n = match n {
                    Ok(0) | Err(_) => {
                        // Server closed: close the client side once all is out.
                        if !black {
                            let _ = client.flush().await;
                            let _ = client.shutdown().await;
                        }
                        return;
                    }
                    Ok(n) => n,
                };
                if black {
                    continue;
                }
                let chunk = &sbuf[..n];
                let cfg = inner.config.lock().unwrap().clone();
                if targeted && cfg.blackhole {
                    black = true;
                    inner.counters.blackholed.fetch_add(1, Ordering::Relaxed);
                    continue;
                }
                let mut fault = None;
                if turn == Turn::Request {
                    turn = Turn::Answer;
                    if targeted {
                        fault = pick_fault(&inner, &cfg);
                    }
                }
                if !cfg.down_delay.is_zero() {
                    tokio::time::sleep(cfg.down_delay).await;
                }
                match fault {
                    None => {
                        if client.write_all(chunk).await.is_err() {
                            reset(&client, Some(&server));
                            return;
                        }
                    }
                    Some(AnswerFault::CutAfterApply) => {
                        inner.counters.cut_after_apply.fetch_add(1, Ordering::Relaxed);
                        let _ = client.shutdown().await;
                        let _ = server.set_zero_linger();
                        return;
                    }
                    Some(AnswerFault::Reset) => {
                        inner.counters.resets.fetch_add(1, Ordering::Relaxed);
                        reset(&client, Some(&server));
                        return;
                    }
                    Some(AnswerFault::CutMidBody) => {
                        inner.counters.cut_mid_body.fetch_add(1, Ordering::Relaxed);
                        let cut = match find(chunk, b"\r\n\r\n") {
                            Some(at) => {
                                let body = at + 4;
                                body + (n - body) / 2
                            }
                            None => n / 2,
                        };
                        let _ = client.write_all(&chunk[..cut]).await;
                        let _ = client.flush().await;
                        let _ = client.shutdown().await;
                        let _ = server.set_zero_linger();
                        return;
                    }
                }
            }
        }
    }
}

fn pick_fault(inner: &Inner, cfg: &Config) -> Option<AnswerFault> {
    {
        let mut live = inner.config.lock().unwrap();
        if let Some(f) = live.next_answers.pop_front() {
            return Some(f);
        }
    }
    let (fault, p) = cfg.answer_fault?;
    let roll: f64 = inner.rng.lock().unwrap().random();
    (roll < p).then_some(fault)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
