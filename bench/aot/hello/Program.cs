// Process start, runtime initialisation, one line to stdout: what every Native AOT program pays before its own work.
Console.WriteLine("hello");
