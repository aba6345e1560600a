package dev.tributary;

public final class Main {
  public static void main(String[] args) {}
}
