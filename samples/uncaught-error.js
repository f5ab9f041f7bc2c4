// Processing a queue of jobs; the last one fails and nobody catches it.
function* jobs() {
    yield { id: 1, task: "resize image" };
    yield { id: 2, task: "send email" };
    yield { id: 3, task: "explode" };
    yield { id: 4, task: "never reached" };
}

function run(job) {
    if (job.task === "explode") {
        throw new Error(`job ${job.id} failed: ${job.task}`);
    }
    return `job ${job.id} done (${job.task})`;
}

for (const job of jobs()) {
    console.log(run(job));
}
console.log("this line is never printed");
