// Labeled loops, switch, and try/catch/finally.
outer: for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
        if (j === 2) continue outer;
        if (i === 3) break outer;
        console.log(`i=${i} j=${j}`);
    }
}

// find a pair that sums to a target
const nums = [3, 8, 1, 9, 4];
let pair = null;
search: for (let a = 0; a < nums.length; a++) {
    for (let b = a + 1; b < nums.length; b++) {
        if (nums[a] + nums[b] === 13) {
            pair = [nums[a], nums[b]];
            break search;
        }
    }
}
console.log(pair);

function dayType(day) {
    switch (day) {
        case "Sat":
        case "Sun":
            return "weekend";
        case "Wed":
            return "midweek";
        default:
            return "weekday";
    }
}
console.log(["Mon", "Wed", "Sat", "Sun"].map(dayType));

function grade(score) {
    let result = "";
    switch (true) {
        case score >= 90:
            result = "A";
            break;
        case score >= 80:
            result = "B";
            break;
        default:
            result = "C";
    }
    return result;
}
console.log(grade(95), grade(85), grade(40));

// fallthrough
let log = [];
switch (2) {
    case 1:
        log.push("one");
    case 2:
        log.push("two");
    case 3:
        log.push("three");
        break;
    case 4:
        log.push("four");
}
console.log(log);

function tryIt(n) {
    const steps = [];
    try {
        steps.push("try");
        if (n === 1) throw new Error("bad input");
        if (n === 2) return steps.concat("early return");
        steps.push("end of try");
    } catch (e) {
        steps.push("catch " + e.message);
    } finally {
        steps.push("finally");
        console.log(steps.join(" > "));
    }
    return steps;
}
tryIt(0);
tryIt(1);
console.log(tryIt(2));

function finallyWins() {
    try {
        return "from try";
    } finally {
        console.log("finally runs before return completes");
    }
}
console.log(finallyWins());

// optional catch binding, nested try
try {
    try {
        null.prop;
    } finally {
        console.log("inner finally");
    }
} catch {
    console.log("outer catch without binding");
}

let k = 0;
do {
    k += 3;
} while (k < 10);
console.log(k);

let w = 5;
while (w--) {
    if (w % 2) continue;
    console.log("w", w);
}

const obj = { a: 1, b: 2, c: 3 };
for (const key in obj) {
    console.log(key, obj[key]);
}
console.log(obj.missing?.deep ?? "fallback");
