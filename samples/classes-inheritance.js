// Classes: constructors, inheritance, getters/setters, static members, private fields.
class Shape {
    static count = 0;
    #id;

    constructor(name) {
        this.name = name;
        Shape.count++;
        this.#id = Shape.count;
    }

    get id() {
        return this.#id;
    }

    area() {
        return 0;
    }

    toString() {
        return `${this.name}#${this.#id} with area ${this.area().toFixed(2)}`;
    }

    static compare(a, b) {
        return a.area() - b.area();
    }
}

class Circle extends Shape {
    constructor(radius) {
        super("circle");
        this.radius = radius;
    }
    area() {
        return Math.PI * this.radius ** 2;
    }
}

class Rectangle extends Shape {
    #width;
    #height;
    constructor(width, height) {
        super("rectangle");
        this.#width = width;
        this.#height = height;
    }
    get width() {
        return this.#width;
    }
    set width(value) {
        if (value <= 0) throw new RangeError("width must be positive");
        this.#width = value;
    }
    area() {
        return this.#width * this.#height;
    }
}

class Square extends Rectangle {
    constructor(side) {
        super(side, side);
        this.name = "square";
    }
    toString() {
        return "[] " + super.toString();
    }
}

const shapes = [new Circle(1), new Rectangle(2, 3), new Square(2)];
for (const s of shapes) {
    console.log(String(s));
}
console.log("shapes created:", Shape.count);
shapes.sort(Shape.compare);
console.log(shapes.map((s) => s.name));

const r = shapes.find((s) => s instanceof Rectangle && !(s instanceof Square));
r.width = 10;
console.log(r.width, r.area());
try {
    r.width = -1;
} catch (e) {
    console.log(e.name + ": " + e.message);
}

console.log(shapes[0] instanceof Shape, shapes[0] instanceof Circle);
console.log(typeof Shape, Object.getPrototypeOf(Square) === Rectangle);
console.log(new Square(1).id);

class Temperature {
    static #instances = 0;
    constructor(celsius) {
        this.celsius = celsius;
        Temperature.#instances++;
    }
    get fahrenheit() {
        return this.celsius * 9 / 5 + 32;
    }
    set fahrenheit(f) {
        this.celsius = (f - 32) * 5 / 9;
    }
    static get instances() {
        return Temperature.#instances;
    }
    static fromFahrenheit(f) {
        const t = new Temperature(0);
        t.fahrenheit = f;
        return t;
    }
}
const t = new Temperature(100);
console.log(t.fahrenheit);
console.log(Temperature.fromFahrenheit(212).celsius);
console.log(Temperature.instances);
