export const y = 2;
throw new Error("evaluation failed");
