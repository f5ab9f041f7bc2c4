// Custom error classes and error handling patterns.
class ValidationError extends Error {
    constructor(field, message) {
        super(message);
        this.name = "ValidationError";
        this.field = field;
    }
}

class NotFoundError extends Error {
    constructor(what) {
        super(`${what} not found`);
        this.name = "NotFoundError";
    }
}

class DatabaseError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = this.constructor.name;
    }
}

const users = new Map([[1, { name: "ann", age: 30 }]]);

function validate(user) {
    if (typeof user.name !== "string" || user.name.length === 0) {
        throw new ValidationError("name", "name is required");
    }
    if (!Number.isInteger(user.age) || user.age < 0) {
        throw new ValidationError("age", `invalid age: ${user.age}`);
    }
    return true;
}

function findUser(id) {
    if (!users.has(id)) throw new NotFoundError(`user ${id}`);
    return users.get(id);
}

const attempts = [
    () => validate({ name: "bob", age: 25 }),
    () => validate({ name: "", age: 25 }),
    () => validate({ name: "cy", age: -1 }),
    () => findUser(1).name,
    () => findUser(7),
    () => null.name,
    () => undefinedVariable + 1,
    () => {
        throw new DatabaseError("query failed", { cause: new Error("timeout") });
    },
];

for (const attempt of attempts) {
    try {
        console.log("ok:", attempt());
    } catch (err) {
        if (err instanceof ValidationError) {
            console.log(`${err.name} on ${err.field}: ${err.message}`);
        } else if (err instanceof NotFoundError) {
            console.log(`${err.name}: ${err.message}`);
        } else if (err instanceof DatabaseError) {
            console.log(`${err.name}: ${err.message} (cause: ${err.cause.message})`);
        } else if (err instanceof TypeError) {
            console.log("TypeError caught");
        } else {
            console.log(`${err.name} caught`);
        }
        console.log("  is Error:", err instanceof Error);
    }
}

const e = new ValidationError("email", "bad email");
console.log(String(e));
console.log(e.toString(), Object.prototype.toString.call(e));
console.log(e instanceof ValidationError, e instanceof NotFoundError, e instanceof Error);
console.log(new RangeError("out of range").name, new TypeError("x") instanceof Error);

// rethrowing unknown errors
function safeDivide(a, b) {
    try {
        if (b === 0) throw new RangeError("division by zero");
        return a / b;
    } catch (err) {
        if (err instanceof RangeError) {
            console.log("handled:", err.message);
            return NaN;
        }
        throw err;
    } finally {
        console.log(`safeDivide(${a}, ${b}) finished`);
    }
}
console.log(safeDivide(10, 4));
console.log(safeDivide(1, 0));

// throwing non-Error values
try {
    throw { code: 404 };
} catch (thing) {
    console.log("thrown object code:", thing.code);
}
try {
    throw "just a string";
} catch (thing) {
    console.log(typeof thing, thing);
}
