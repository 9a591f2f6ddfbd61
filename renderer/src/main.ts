import "./app/app.css";
import { startApp } from "./app/shell";

void startApp(document.getElementById("app")!);
