//! Realistic workloads, one row each: the answers a user with that workload would give, the model the
//! wizard must recommend, and why. Each row must be a complete path: every question asked is answered
//! and nothing else is.

use pyconc::content::QuestionId;
use pyconc::engine::{Answers, Recommendation, ShareLink};

/// Answers a row in the order the wizard asks, checking that the row answers exactly the questions
/// asked, then checks the recommended model.
fn check(answers: &str, expected: &str, why: &str) {
    let (link, notices) = ShareLink::decode(&format!("v=1&{answers}"));
    assert!(notices.is_empty(), "row `{why}` has unusable answers: {notices:?}");
    let mut walked = Answers::new();
    while let Some(q) = walked.next_question() {
        let Some(o) = link.answers.get(q) else {
            panic!("row `{why}` does not answer `{}`, which is asked", q.get().id);
        };
        walked.answer(q, o);
    }
    for q in QuestionId::all() {
        assert_eq!(
            walked.get(q),
            link.answers.get(q),
            "row `{why}` answers `{}`, which is not asked on its path",
            q.get().id
        );
    }
    let rec = Recommendation::for_answers(&walked);
    let got = rec.model.get().id;
    let scores: Vec<String> = rec.alternatives.iter().map(|a| format!("{}={}", a.model.get().id, a.score)).collect();
    assert_eq!(
        got,
        expected,
        "row `{why}`: expected {expected}, got {got} (score {}; others: {})",
        rec.scores[rec.model.0 as usize],
        scores.join(", ")
    );
}

#[test]
fn scenarios() {
    // I/O-bound work.
    check(
        "work=io&scale=one&where=script&py=3.12&io=http&conc=thousands&libs=all&http=aiohttp&lat=no&input=stream&state=none&cancel=yes&fail=all",
        "asyncio",
        "crawl 50k URLs with aiohttp: thousands in flight, all clients async",
    );
    check(
        "work=io&scale=one&where=aweb&py=3.11&io=http&conc=hundreds&libs=some&http=httpx&input=list&state=none&cancel=yes&fail=fast",
        "to_thread",
        "call a legacy requests-based SDK from a FastAPI handler",
    );
    check(
        "work=io&scale=one&where=notebook&py=3.11&io=http&conc=few&libs=all&http=httpx&input=list&state=none&cancel=no&fail=all",
        "asyncio",
        "a Jupyter notebook fetching 20 pages: the notebook already runs a loop, await directly",
    );
    check(
        "work=io&scale=one&where=sweb&py=3.11&io=http&conc=few&libs=none&input=list&state=none&cancel=yes&fail=all",
        "threads",
        "a Flask view calling three slow APIs with requests",
    );
    check(
        "work=io&scale=one&where=script&py=3.10&io=http&conc=few&libs=none&input=list&state=none&cancel=no&fail=all",
        "threads",
        "a scraper fetching 20 pages per run with requests",
    );
    check(
        "work=io&scale=one&where=script&py=3.11&io=files&conc=hundreds&input=list&state=none&cancel=no&fail=all",
        "threads",
        "read and checksum thousands of local files: file I/O never suspends a loop",
    );
    check(
        "work=io&scale=one&where=aweb&py=3.12&io=db&conc=thousands&libs=all&db=asyncpg&lat=no&input=list&state=none&cancel=yes&fail=fast",
        "asyncio",
        "a FastAPI service running many PostgreSQL queries through asyncpg",
    );
    check(
        "work=io&scale=one&where=script&py=3.12&io=db&conc=hundreds&libs=all&db=aiomysql&input=list&state=none&cancel=no&fail=all",
        "asyncio",
        "a batch script querying MySQL with aiomysql",
    );
    check(
        "work=io&scale=one&where=aweb&py=3.12&io=other&conc=thousands&libs=all&lat=yes&os=linux&input=stream&state=complex&cancel=yes&fail=all",
        "asyncio",
        "a websocket chat server with 10k connections on Linux, latency-critical (uvloop)",
    );
    check(
        "work=io&scale=one&where=script&py=3.8&io=http&conc=hundreds&libs=some&http=aiohttp&input=list&state=none&cancel=no&fail=all",
        "to_thread",
        "a Python 3.8 service with aiohttp and one blocking vendor SDK (run_in_executor)",
    );
    check(
        "work=io&scale=one&where=lib&py=3.11&io=http&conc=hundreds&libs=all&http=httpx&input=list&state=none&cancel=yes&fail=fast",
        "asyncio",
        "a client library for asyncio and Trio users (AnyIO)",
    );
    check(
        "work=io&scale=one&where=script&py=3.12&io=other&conc=few&libs=all&input=list&state=none&cancel=yes&fail=all",
        "asyncio",
        "drive a dozen ffmpeg subprocesses with asyncio.create_subprocess_exec",
    );
    check(
        "work=io&scale=one&where=gui&py=3.12&io=http&conc=few&libs=none&input=list&state=simple&cancel=yes&fail=all",
        "threads",
        "a Tkinter tool downloading a few files without freezing the window",
    );
    check(
        "work=io&scale=one&where=aweb&py=3.13&io=http&conc=thousands&libs=unsure&http=aiohttp&lat=no&input=stream&state=none&cancel=yes&fail=all",
        "to_thread",
        "an async gateway unsure whether every client is async: assume some block",
    );

    // CPU-bound work in pure Python.
    check(
        "work=cpu&scale=one&where=script&py=3.12&os=linux&cores=5-16&task=short&data=small&input=list&state=none&crash=no&cancel=no&fail=fast",
        "processes",
        "count primes in pure Python on an 8-core Linux box, 3.12",
    );
    check(
        "work=cpu&scale=one&where=script&py=3.12&os=linux&cores=1&task=short&data=small&input=list&state=none&crash=no&cancel=no&fail=fast",
        "sequential",
        "the same on a one-core container: make the code faster instead",
    );
    check(
        "work=cpu&scale=one&where=script&py=3.14&gil=ft&ext=none&os=linux&cores=5-16&task=short&data=small&input=list&state=none&crash=no&cancel=no&fail=fast",
        "free_threaded",
        "pure-Python Monte Carlo on 3.14t",
    );
    check(
        "work=cpu&scale=one&where=script&py=3.13&gil=ft&ext=ready&os=linux&cores=17up&task=long&data=large&input=list&state=simple&crash=no&cancel=no&fail=all",
        "free_threaded",
        "a simulation on 3.13t sharing large arrays between threads",
    );
    check(
        "work=cpu&scale=one&where=script&py=3.14&gil=std&ext=none&os=linux&cores=5-16&task=short&data=small&input=list&state=none&crash=no&cancel=no&fail=all",
        "interpreters",
        "pure-Python parsing on standard 3.14 with nothing shared: an interpreter pool",
    );
    check(
        "work=cpu&scale=one&where=script&py=3.14&gil=std&ext=some&os=linux&cores=5-16&task=short&data=small&input=list&state=none&crash=no&cancel=no&fail=all",
        "processes",
        "the same with lxml, which does not load in subinterpreters",
    );
    check(
        "work=cpu&scale=one&where=script&py=3.14&gil=ft&ext=some&os=mac&cores=5-16&task=short&data=small&input=list&state=none&crash=no&cancel=no&fail=all",
        "processes",
        "3.14t with an extension that re-enables the GIL: free-threading is ruled out",
    );
    check(
        "work=cpu&scale=one&where=gui&py=3.12&os=win&cores=2-4&task=long&data=small&input=list&state=none&crash=no&cancel=yes&fail=all",
        "processes",
        "a Windows desktop app running minute-long pure-Python reports",
    );
    check(
        "work=cpu&scale=one&where=script&py=3.12&os=linux&cores=5-16&task=short&data=large&input=list&state=none&crash=no&cancel=no&fail=all",
        "processes",
        "pure-Python work over large arrays: processes with shared memory or paths",
    );
    check(
        "work=cpu&scale=one&where=script&py=3.12&os=linux&cores=5-16&task=short&data=unpick&input=list&state=complex&crash=no&cancel=no&fail=all",
        "sequential",
        "pure Python over open connections and complex shared state on a GIL build: nothing parallel fits",
    );

    // CPU work inside C extensions.
    check(
        "work=ext&scale=one&where=script&py=3.12&os=linux&cores=5-16&task=short&data=small&input=list&state=none&blas=no&crash=no&cancel=no&fail=all",
        "threads",
        "resize 100k images with Pillow, whose resampling releases the GIL",
    );
    check(
        "work=ext&scale=one&where=gui&py=3.12&os=win&cores=2-4&task=short&data=small&input=list&state=simple&blas=no&crash=no&cancel=yes&fail=all",
        "threads",
        "a Windows desktop tool hashing files with hashlib",
    );
    check(
        "work=ext&scale=one&where=script&py=3.12&os=mac&cores=5-16&task=long&data=large&input=list&state=none&blas=yes&crash=no&cancel=no&fail=all",
        "sequential",
        "NumPy matrix products on a laptop: BLAS already uses every core",
    );
    check(
        "work=ext&scale=one&where=script&py=3.11&os=linux&cores=5-16&task=short&data=small&input=list&state=none&blas=no&crash=yes&cancel=no&fail=all",
        "processes",
        "a native codec that sometimes segfaults: isolate it in processes",
    );
    check(
        "work=ext&scale=one&where=script&py=3.12&os=linux&cores=1&task=short&data=small&input=list&state=none&blas=no&crash=no&cancel=no&fail=all",
        "sequential",
        "zlib compression on one core: no parallelism to gain",
    );

    // Mixed work.
    check(
        "work=mix&scale=one&where=aweb&py=3.12&io=http&conc=hundreds&libs=all&http=aiohttp&os=linux&cores=5-16&task=short&data=large&input=list&state=none&blas=yes&crash=no&cancel=yes&fail=fast",
        "to_thread",
        "numpy SVD on large matrices inside an async service: the C code releases the GIL",
    );
    check(
        "work=mix&scale=one&where=script&py=3.12&io=http&conc=hundreds&libs=all&http=aiohttp&os=linux&cores=5-16&task=short&data=small&input=list&state=none&blas=no&crash=no&cancel=yes&fail=all",
        "hybrid",
        "download pages and parse them in pure Python",
    );
    check(
        "work=mix&scale=one&where=script&py=3.11&io=http&conc=few&libs=all&http=aiohttp&os=linux&cores=1&task=short&data=small&input=list&state=none&blas=no&crash=no&cancel=no&fail=all",
        "to_thread",
        "a one-core Raspberry Pi fetching data and computing on it",
    );
    check(
        "work=mix&scale=one&where=script&py=3.12&io=db&conc=hundreds&libs=some&db=asyncpg&os=linux&cores=5-16&task=long&data=small&input=stream&state=none&blas=no&crash=yes&cancel=yes&fail=all",
        "hybrid",
        "an ETL job: async queries, one blocking SDK, crash-prone CPU transforms",
    );

    // Beyond one machine, and not knowing yet.
    check(
        "work=cpu&scale=data&where=script&py=3.12&input=stream&state=none&cancel=no&fail=all",
        "distributed",
        "aggregate 200 GB of logs on a cluster (Dask)",
    );
    check(
        "work=io&scale=jobs&where=sweb&py=3.12&io=other&conc=few&libs=none&input=list&state=none&cancel=yes&fail=all",
        "distributed",
        "send emails and reports from a Django app as retried background jobs (Celery)",
    );
    check(
        "work=cpu&scale=cluster&where=script&py=3.11&input=list&state=complex&cancel=yes&fail=fast",
        "distributed",
        "a reinforcement-learning pipeline with stateful actors across machines (Ray)",
    );
    check(
        "work=unsure&scale=one&where=script&py=3.11&os=linux&cores=2-4&task=short&data=small&input=list&state=none&cancel=no&fail=all",
        "threads",
        "not sure where the time goes: a thread pool while measuring",
    );
}
